package dev.mcpworkbench.app.ui.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The desktop's connection profiles, one JSON file ({@code ~/.config/mcp-workbench/profiles.json}
 * by default), written atomically. Header values and env may hold secrets: the file is created
 * readable by the user only where the file system allows it.
 */
public final class ProfileStore {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Path file;

    public ProfileStore(Path file) {
        this.file = file;
    }

    public static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".config") : Path.of(xdg);
        return base.resolve("mcp-workbench").resolve("profiles.json");
    }

    public List<ProfileFields> load() throws IOException {
        if (!Files.exists(file)) return new ArrayList<>();
        return new ArrayList<>(MAPPER.readValue(file.toFile(), new TypeReference<List<ProfileFields>>() { }));
    }

    public void save(List<ProfileFields> profiles) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "profiles", ".tmp");
        try {
            restrict(tmp);
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), profiles);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void restrict(Path p) {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the user's profile directory protects it
        }
    }
}
