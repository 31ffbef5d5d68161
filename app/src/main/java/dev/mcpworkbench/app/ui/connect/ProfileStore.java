package dev.mcpworkbench.app.ui.connect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.connect.Root;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import dev.mcpworkbench.inspector.profile.SecretStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sidebar's profiles, kept in the inspector's profile store (the same
 * {@code profiles.json} the CLI reads). Extensions other parts stored on a profile (suppressions,
 * the drift pin...) are kept: saving takes them from the file as it is at that moment, so a
 * suppression written while the sidebar was open is never undone, and they follow a rename.
 */
public final class ProfileStore {

    private final dev.mcpworkbench.inspector.profile.ProfileStore store;
    private final Map<String, ObjectNode> extensions = new ConcurrentHashMap<>();
    /** New name to old name, for renames not saved yet. */
    private final Map<String, String> renames = new ConcurrentHashMap<>();
    private volatile String warning = "";

    /** Profiles whose header and environment values stay in the file as typed. */
    public ProfileStore(Path directory) {
        this(directory, SecretStore.PLAIN_TEXT);
    }

    /** Profiles whose header and environment values go to {@code secrets} (the OS keychain), the file holding references. */
    public ProfileStore(Path directory, SecretStore secrets) {
        this.store = new dev.mcpworkbench.inspector.profile.ProfileStore(directory, secrets);
    }

    /** Where header and environment values are kept. */
    public SecretStore secrets() {
        return store.secrets();
    }

    /** {@code $XDG_CONFIG_HOME/mcp-workbench} or {@code ~/.config/mcp-workbench} (see the inspector's store). */
    public static Path defaultDirectory() {
        return dev.mcpworkbench.inspector.profile.ProfileStore.userConfigDirectory();
    }

    public List<ProfileFields> load() throws IOException {
        var result = store.load();
        warning = result.warning().orElse("");
        List<ProfileFields> out = new ArrayList<>();
        for (ConnectionProfile p : result.profiles()) {
            extensions.put(p.name(), p.extensions());
            out.add(fields(p));
        }
        return out;
    }

    /** A problem found while loading (a corrupt file moved aside), or "". */
    public String warning() {
        return warning;
    }

    /** The inspector's store of the same file (the findings screens keep suppressions and pins in it). */
    public dev.mcpworkbench.inspector.profile.ProfileStore profiles() {
        return store;
    }

    /** The profile called {@code from} is now called {@code to}: its extensions go with it at the next save. */
    public void renamed(String from, String to) {
        if (!from.equals(to)) renames.put(to, renames.getOrDefault(from, from));
    }

    public void save(List<ProfileFields> profiles) throws IOException {
        Map<String, String> pendingRenames = Map.copyOf(renames);
        List<ConnectionProfile> saved = store.update(onDisk -> {
            Map<String, ObjectNode> current = new java.util.HashMap<>(extensions);
            onDisk.forEach(p -> current.put(p.name(), p.extensions()));
            List<ConnectionProfile> out = new ArrayList<>();
            for (ProfileFields f : profiles) {
                ConnectionProfile p = profile(f);
                ObjectNode ext = current.get(f.name());
                if (ext == null && pendingRenames.containsKey(f.name())) ext = current.get(pendingRenames.get(f.name()));
                out.add(ext == null ? p : p.withExtensions(ext));
            }
            return out;
        }).profiles();
        // a deleted connection's data must not come back with a new connection of the same name
        extensions.clear();
        saved.forEach(p -> extensions.put(p.name(), p.extensions()));
        pendingRenames.forEach(renames::remove);
    }

    /** The profile as the file keeps it, with nothing in its extensions yet. */
    public static ConnectionProfile profile(ProfileFields f) {
        return ConnectionProfile.of(f.name(), CoreConnector.target(f)).withRoots(f.roots().stream().map(u -> new Root(u, "")).toList());
    }

    static ProfileFields fields(ConnectionProfile p) {
        List<String> roots = p.roots().stream().map(Root::uri).toList();
        return switch (p.target()) {
            case ServerTarget.Stdio s -> new ProfileFields(p.name(), ProfileFields.Kind.STDIO, s.command(), s.args(), s.env(),
                    s.workingDir() == null ? "" : s.workingDir().toString(), "", Map.of(), roots);
            case ServerTarget.StreamableHttp h -> new ProfileFields(p.name(), ProfileFields.Kind.HTTP, "", List.of(), Map.of(),
                    "", uri(h.url()), h.headers(), roots);
            case ServerTarget.Sse s -> new ProfileFields(p.name(), ProfileFields.Kind.SSE, "", List.of(), Map.of(),
                    "", uri(s.url()), s.headers(), roots);
        };
    }

    private static String uri(URI u) {
        return u.toString();
    }
}
