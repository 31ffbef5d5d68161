package dev.mcpworkbench.app.ui.connect;

import dev.mcpworkbench.inspector.connect.Root;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sidebar's profiles, kept in the inspector's profile store (the same
 * {@code profiles.json} the CLI reads). Extensions other parts stored on a profile are kept.
 */
public final class ProfileStore {

    private final dev.mcpworkbench.inspector.profile.ProfileStore store;
    /** The saved profiles as last read or written, so the FX thread can read their extensions without I/O. */
    private final Map<String, ConnectionProfile> saved = new ConcurrentHashMap<>();
    private volatile String warning = "";

    public ProfileStore(Path directory) {
        this.store = new dev.mcpworkbench.inspector.profile.ProfileStore(directory);
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
            saved.put(p.name(), p);
            out.add(fields(p));
        }
        return out;
    }

    /** A problem found while loading (a corrupt file moved aside), or "". */
    public String warning() {
        return warning;
    }

    /** Saves the sidebar's list; synchronized with {@link #update} so neither loses the other's write. */
    public synchronized void save(List<ProfileFields> profiles) throws IOException {
        List<ConnectionProfile> out = new ArrayList<>();
        for (ProfileFields f : profiles) {
            ConnectionProfile p = ConnectionProfile.of(f.name(), CoreConnector.target(f))
                    .withRoots(f.roots().stream().map(u -> new Root(u, "")).toList());
            ConnectionProfile before = saved.get(f.name());
            out.add(before == null ? p : p.withExtensions(before.extensions()));
        }
        store.save(out);
        saved.clear();
        out.forEach(p -> saved.put(p.name(), p));
    }

    /** The saved profile of that name as last read or written (no I/O: safe on the FX thread). */
    public Optional<ConnectionProfile> saved(String name) {
        return Optional.ofNullable(saved.get(name));
    }

    /** Changes one saved profile on disk and here (blocks: call it off the FX thread). */
    public synchronized void update(String name, UnaryOperator<ConnectionProfile> change) throws IOException {
        ConnectionProfile changed = store.update(name, change)
                .orElseThrow(() -> new IOException("the connection \"" + name + "\" is no longer saved"));
        saved.put(name, changed);
    }

    /** Keeps a renamed profile's extensions (suppressions, pins...) under its new name. */
    public synchronized void renamed(String oldName, String newName) {
        ConnectionProfile before = saved.remove(oldName);
        if (before != null && !oldName.equals(newName)) saved.put(newName, before.withName(newName));
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
