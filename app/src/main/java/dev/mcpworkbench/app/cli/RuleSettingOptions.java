package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.catalog.RuleSettingsInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The rule thresholds a user changes on the command line: {@code --rule-settings FILE}, then each
 * {@code --rule-setting ID.key=value} on top. Checked against the catalog when read: an unknown
 * rule or key, or a value that is not a number, is an {@link IllegalArgumentException} (exit 2).
 */
public final class RuleSettingOptions {

    @Option(names = "--rule-setting", paramLabel = "ID.KEY=VALUE",
            description = "Change one rule threshold, e.g. SURFACE-001.medium=30 (repeatable; wins over --rule-settings).")
    List<String> assignments = new ArrayList<>();

    @Option(names = "--rule-settings", paramLabel = "FILE",
            description = "Rule thresholds from a file: JSON ({\"SURFACE-001\": {\"medium\": 30}} or {\"SURFACE-001.medium\": 30}) "
                    + "or properties (SURFACE-001.medium=30).")
    Path file;

    public RuleSettings settings() throws IOException {
        RuleSettings settings = file == null ? RuleSettings.defaults() : RuleSettingsInput.read(file);
        for (String assignment : assignments) settings = RuleSettingsInput.assign(settings, assignment);
        return settings;
    }
}
