package dev.mcpworkbench.inspector.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Saved connection profiles in {@code profiles.json} in the user's config folder
 * ({@code $XDG_CONFIG_HOME/mcp-workbench}, else {@code ~/.config/mcp-workbench}; on Windows
 * {@code %APPDATA%\mcp-workbench}). Writes are atomic (temp file, then rename), so a crash never
 * leaves half a file. A file that cannot be read is moved aside to
 * {@code profiles.json.corrupt-<time>} and reported, never silently overwritten.
 */
public final class ProfileStore {

    public static final String FILE_NAME = "profiles.json";

    private final Path file;

    /** What {@link #load()} found: the profiles, and a warning when the file was corrupt and moved aside. */
    public record LoadResult(List<ConnectionProfile> profiles, Optional<String> warning) {
    }

    public ProfileStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** The store in the user's config folder. */
    public static ProfileStore inUserConfig() {
        return new ProfileStore(userConfigDirectory());
    }

    /** {@code $XDG_CONFIG_HOME/mcp-workbench}, {@code %APPDATA%\mcp-workbench}, or {@code ~/.config/mcp-workbench}. */
    public static Path userConfigDirectory() {
        String override = System.getProperty("mcpworkbench.config.dir");
        if (override != null && !override.isBlank()) return Path.of(override);
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "mcp-workbench");
        String appData = System.getenv("APPDATA");
        if (appData != null && !appData.isBlank() && System.getProperty("os.name", "").startsWith("Windows")) {
            return Path.of(appData, "mcp-workbench");
        }
        return Path.of(System.getProperty("user.home"), ".config", "mcp-workbench");
    }

    public Path file() {
        return file;
    }

    /** Reads the profiles; a missing file is an empty list; a corrupt one is moved aside with a warning. */
    public synchronized LoadResult load() throws IOException {
        JsonNode root;
        try {
            root = SnapshotJson.MAPPER.readTree(file.toFile());
            return new LoadResult(ProfileJson.fromJson(root), Optional.empty());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return new LoadResult(List.of(), Optional.empty());
        } catch (IOException e) {
            if (!Files.exists(file)) return new LoadResult(List.of(), Optional.empty());
            Path aside = moveAside();
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return new LoadResult(List.of(), Optional.of("The saved connections in " + file + " could not be read (" + reason
                    + "); the file was moved to " + aside.getFileName() + " and nothing was lost"));
        }
    }

    /** Replaces all saved profiles, atomically. */
    public synchronized void save(List<ConnectionProfile> profiles) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
        try {
            SnapshotJson.MAPPER.writeValue(tmp.toFile(), ProfileJson.toJson(profiles));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Adds or replaces (by name) one profile; the warning of a corrupt file moved aside is passed on. */
    public synchronized LoadResult put(ConnectionProfile profile) throws IOException {
        LoadResult loaded = load();
        List<ConnectionProfile> all = new ArrayList<>(loaded.profiles());
        all.removeIf(p -> p.name().equals(profile.name()));
        all.add(profile);
        save(all);
        return new LoadResult(List.copyOf(all), loaded.warning());
    }

    /**
     * Changes one saved profile in place (load, change, save, under this store's lock), keeping
     * every other profile as it is on disk. Empty when no profile has that name.
     */
    public synchronized Optional<ConnectionProfile> update(String name, java.util.function.UnaryOperator<ConnectionProfile> change)
            throws IOException {
        List<ConnectionProfile> all = new ArrayList<>(load().profiles());
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).name().equals(name)) continue;
            ConnectionProfile changed = change.apply(all.get(i));
            all.set(i, changed);
            save(all);
            return Optional.of(changed);
        }
        return Optional.empty();
    }

    /** Removes the profile of that name; true when there was one. */
    public synchronized boolean remove(String name) throws IOException {
        List<ConnectionProfile> all = new ArrayList<>(load().profiles());
        boolean removed = all.removeIf(p -> p.name().equals(name));
        if (removed) save(all);
        return removed;
    }

    private Path moveAside() throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path aside = file.resolveSibling(FILE_NAME + ".corrupt-" + stamp);
        Files.move(file, aside);
        return aside;
    }
}
