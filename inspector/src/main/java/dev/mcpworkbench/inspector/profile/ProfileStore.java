package dev.mcpworkbench.inspector.profile;

import dev.mcpworkbench.inspector.io.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Saved connection profiles in {@code profiles.json} in the user's config folder
 * ({@code $XDG_CONFIG_HOME/mcp-workbench}, else {@code ~/.config/mcp-workbench}; on Windows
 * {@code %APPDATA%\mcp-workbench}). Writes are atomic (temp file, then rename), so a crash never
 * leaves half a file. A file that cannot be read is moved aside to
 * {@code profiles.json.corrupt-<time>} and reported, never silently overwritten. Every store of the
 * same file shares one lock, so a read-change-write ({@link #update}) by one part of the app never
 * undoes another part's write. With a {@link SecretStore} that keeps values out of the file (the
 * OS keychain), header and environment values are stored there and the file holds references
 * ({@link ProfileSecrets}); loading puts the values back, so callers only ever see the values.
 */
public final class ProfileStore {

    public static final String FILE_NAME = "profiles.json";

    private static final ConcurrentHashMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Object lock;
    private final SecretStore secrets;

    /**
     * What {@link #load()} found: the profiles, and a warning when the file was corrupt and moved
     * aside ({@code movedAside}) or a secret the file refers to could not be found.
     */
    public record LoadResult(List<ConnectionProfile> profiles, Optional<String> warning, boolean movedAside) {
        public LoadResult(List<ConnectionProfile> profiles, Optional<String> warning) {
            this(profiles, warning, false);
        }
    }

    /** A store whose secrets stay in the file as typed ({@link SecretStore#PLAIN_TEXT}). */
    public ProfileStore(Path directory) {
        this(directory, SecretStore.PLAIN_TEXT);
    }

    public ProfileStore(Path directory, SecretStore secrets) {
        this.file = directory.resolve(FILE_NAME);
        this.lock = LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Object());
        this.secrets = secrets;
    }

    /** Where this store keeps the profiles' secrets. */
    public SecretStore secrets() {
        return secrets;
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
    public LoadResult load() throws IOException {
        synchronized (lock) {
            JsonNode root;
            try {
                root = SnapshotJson.MAPPER.readTree(file.toFile());
                return withSecrets(ProfileJson.fromJson(root));
            } catch (NoSuchFileException | java.io.FileNotFoundException e) {
                return new LoadResult(List.of(), Optional.empty());
            } catch (IOException e) {
                if (!Files.exists(file)) return new LoadResult(List.of(), Optional.empty());
                Path aside = moveAside();
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
                return new LoadResult(List.of(), Optional.of("The saved connections in " + file + " could not be read (" + reason
                        + "); the file was moved to " + aside.getFileName() + " and nothing was lost"), true);
            }
        }
    }

    /** The profiles with their secrets in place of the references; a secret the store lacks is a warning. */
    private LoadResult withSecrets(List<ConnectionProfile> profiles) throws IOException {
        List<String> problems = new ArrayList<>();
        List<ConnectionProfile> out = new ArrayList<>(profiles.size());
        for (ConnectionProfile p : profiles) out.add(ProfileSecrets.refersToStore(p) ? ProfileSecrets.resolved(p, secrets, problems) : p);
        return new LoadResult(out, problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
    }

    /**
     * Replaces all saved profiles, atomically. Their secrets go to the secret store first (the file
     * is written only when all are stored); afterwards the store's entries that the previous file
     * referred to and this one does not (a renamed or deleted connection, a removed header) are deleted.
     */
    public void save(List<ConnectionProfile> profiles) throws IOException {
        synchronized (lock) {
            Set<String> before = new HashSet<>();
            try {
                ProfileSecrets.accountsIn(SnapshotJson.MAPPER.readTree(file.toFile()), before);
            } catch (IOException e) {
                // no file yet, or one that load() reports: it refers to nothing this save could clean up
            }
            Set<String> now = new HashSet<>();
            List<ConnectionProfile> written = profiles;
            if (secrets.keepsValuesOutOfTheFile()) {
                written = new ArrayList<>(profiles.size());
                for (ConnectionProfile p : profiles) written.add(ProfileSecrets.stored(p, secrets, now));
            }
            List<ConnectionProfile> toWrite = written;
            AtomicFiles.write(file, out -> SnapshotJson.MAPPER.writeValue(out, ProfileJson.toJson(toWrite)));
            before.removeAll(now);
            for (String stale : before) secrets.delete(stale);
        }
    }

    /** Adds or replaces (by name) one profile; the warning of a corrupt file moved aside is passed on. */
    public LoadResult put(ConnectionProfile profile) throws IOException {
        synchronized (lock) {
            LoadResult loaded = load();
            List<ConnectionProfile> all = new ArrayList<>(loaded.profiles());
            all.removeIf(p -> p.name().equals(profile.name()));
            all.add(profile);
            save(all);
            return new LoadResult(List.copyOf(all), loaded.warning());
        }
    }

    /** Removes the profile of that name; true when there was one. */
    public boolean remove(String name) throws IOException {
        synchronized (lock) {
            List<ConnectionProfile> all = new ArrayList<>(load().profiles());
            boolean removed = all.removeIf(p -> p.name().equals(name));
            if (removed) save(all);
            return removed;
        }
    }

    /**
     * Reads the profiles, replaces them with what {@code change} makes of them and saves, under the
     * file's lock. A corrupt file is moved aside first (see {@link #load()}) and its warning returned.
     */
    public LoadResult update(UnaryOperator<List<ConnectionProfile>> change) throws IOException {
        synchronized (lock) {
            LoadResult loaded = load();
            List<ConnectionProfile> changed = List.copyOf(change.apply(List.copyOf(loaded.profiles())));
            save(changed);
            return new LoadResult(changed, loaded.warning());
        }
    }

    /**
     * Changes the one profile called {@code name} in place (its position in the file is kept) and
     * returns the changed profile. Fails, changing nothing, when no profile has that name or the
     * file could not be read.
     */
    public ConnectionProfile updateProfile(String name, UnaryOperator<ConnectionProfile> change) throws IOException {
        synchronized (lock) {
            LoadResult loaded = load();
            if (loaded.movedAside()) throw new IOException(loaded.warning().get());
            List<ConnectionProfile> all = new ArrayList<>(loaded.profiles());
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).name().equals(name)) {
                    ConnectionProfile changed = change.apply(all.get(i));
                    all.set(i, changed);
                    save(all);
                    return changed;
                }
            }
            throw new IOException("there is no saved connection called \"" + name + "\" in " + file
                    + " (was it renamed or deleted?)");
        }
    }

    /** The profile called {@code name}, if the file has one. */
    public Optional<ConnectionProfile> find(String name) throws IOException {
        return load().profiles().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private Path moveAside() throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path aside = file.resolveSibling(FILE_NAME + ".corrupt-" + stamp);
        Files.move(file, aside);
        return aside;
    }
}
