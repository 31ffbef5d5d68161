package dev.mcpworkbench.inspector.profile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.connect.Root;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import java.util.List;

/**
 * A saved connection: a name, what to connect to, the roots to offer, and {@code extensions}, an
 * open JSON object where other parts keep their per-server state under their own key (e.g.
 * {@code "suppressions"} and {@code "pins"}, read and written by {@link ProfileAnalysisState};
 * {@code "oauth"}, {@code "ruleSettings"}). Extensions are written back exactly as given, so a part
 * never loses another part's data.
 */
public record ConnectionProfile(String name, ServerTarget target, List<Root> roots, ObjectNode extensions) {

    public ConnectionProfile {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("A profile needs a name");
        if (target == null) throw new IllegalArgumentException("A profile needs a target");
        roots = List.copyOf(roots == null ? List.of() : roots);
        extensions = extensions == null ? JsonNodeFactory.instance.objectNode() : extensions.deepCopy();
    }

    public static ConnectionProfile of(String name, ServerTarget target) {
        return new ConnectionProfile(name, target, List.of(), null);
    }

    /** A copy of the extensions (changing it does not change this profile). */
    @Override
    public ObjectNode extensions() {
        return extensions.deepCopy();
    }

    public ConnectionProfile withName(String newName) {
        return new ConnectionProfile(newName, target, roots, extensions);
    }

    public ConnectionProfile withTarget(ServerTarget newTarget) {
        return new ConnectionProfile(name, newTarget, roots, extensions);
    }

    public ConnectionProfile withRoots(List<Root> newRoots) {
        return new ConnectionProfile(name, target, newRoots, extensions);
    }

    public ConnectionProfile withExtensions(ObjectNode newExtensions) {
        return new ConnectionProfile(name, target, roots, newExtensions);
    }

    /** A copy with one extension key set (or removed when {@code value} is null). */
    public ConnectionProfile withExtension(String key, com.fasterxml.jackson.databind.JsonNode value) {
        ObjectNode copy = extensions.deepCopy();
        if (value == null) copy.remove(key);
        else copy.set(key, value.deepCopy());
        return new ConnectionProfile(name, target, roots, copy);
    }
}
