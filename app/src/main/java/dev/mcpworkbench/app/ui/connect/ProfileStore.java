package dev.mcpworkbench.app.ui.connect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.connect.Root;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sidebar's profiles, kept in the inspector's profile store (the same
 * {@code profiles.json} the CLI reads). Extensions other parts stored on a profile are kept.
 */
public final class ProfileStore {

    private final dev.mcpworkbench.inspector.profile.ProfileStore store;
    private final Map<String, ObjectNode> extensions = new ConcurrentHashMap<>();
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
            extensions.put(p.name(), p.extensions());
            out.add(fields(p));
        }
        return out;
    }

    /** A problem found while loading (a corrupt file moved aside), or "". */
    public String warning() {
        return warning;
    }

    public void save(List<ProfileFields> profiles) throws IOException {
        List<ConnectionProfile> out = new ArrayList<>();
        for (ProfileFields f : profiles) {
            ConnectionProfile p = ConnectionProfile.of(f.name(), CoreConnector.target(f))
                    .withRoots(f.roots().stream().map(u -> new Root(u, "")).toList());
            ObjectNode ext = extensions.get(f.name());
            out.add(ext == null ? p : p.withExtensions(ext));
        }
        store.save(out);
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
