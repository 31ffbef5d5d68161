package dev.mcpworkbench.inspector.rules.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.io.AtomicFiles;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The user's own rule thresholds, {@code rule-settings.json} in the config directory beside
 * {@code profiles.json}. Read with {@link RuleSettingsInput#read} and written in the per-rule JSON
 * form it reads ({@code {"SURFACE-001": {"medium": 30}}}), so the desktop's file is also a valid
 * {@code scan --rule-settings FILE}.
 */
public final class RuleSettingsFile {

    public static final String NAME = "rule-settings.json";

    /** What was read: the settings to use, and why they are the defaults when the file was unusable. */
    public record Loaded(RuleSettings settings, Optional<String> problem) {
    }

    private final Path file;

    public RuleSettingsFile(Path file) {
        this.file = file;
    }

    public static RuleSettingsFile in(Path directory) {
        return new RuleSettingsFile(directory.resolve(NAME));
    }

    public Path file() {
        return file;
    }

    /** Never throws: no file means the defaults; a file that cannot be read or is invalid too, with the reason. */
    public Loaded load() {
        if (!Files.exists(file)) return new Loaded(RuleSettings.defaults(), Optional.empty());
        try {
            return new Loaded(RuleSettingsInput.read(file), Optional.empty());
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return new Loaded(RuleSettings.defaults(), Optional.of("Cannot read the rule settings in " + file + " (" + why
                    + "); the catalog's defaults are used."));
        }
    }

    /** Writes the overridden values (see {@link RuleSettings#overrides()}), atomically. */
    public void save(RuleSettings settings) throws IOException {
        AtomicFiles.write(file, toJson(settings) + "\n");
    }

    /** The per-rule JSON form {@link RuleSettingsInput#read} reads back. */
    public static String toJson(RuleSettings settings) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        for (Map.Entry<String, Double> e : new java.util.TreeMap<>(settings.overrides()).entrySet()) {
            int dot = e.getKey().lastIndexOf('.');
            ObjectNode rule = root.has(e.getKey().substring(0, dot)) ? (ObjectNode) root.get(e.getKey().substring(0, dot))
                    : root.putObject(e.getKey().substring(0, dot));
            double v = e.getValue();
            if (v == Math.rint(v) && Math.abs(v) < 1e15) rule.put(e.getKey().substring(dot + 1), (long) v);
            else rule.put(e.getKey().substring(dot + 1), v);
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
