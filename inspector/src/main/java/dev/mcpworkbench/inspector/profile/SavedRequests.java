package dev.mcpworkbench.inspector.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Tool calls saved in a connection profile (extension {@code "savedRequests"}): a name, the tool,
 * its arguments, and the result of its last run, so a replay can be compared with it. A last result
 * over {@link #MAX_KEPT_RESULT} characters is not written (the profiles file stays small); the
 * comparison then starts from the next replay.
 */
public final class SavedRequests {

    public static final String KEY = "savedRequests";
    public static final int MAX_KEPT_RESULT = 256 * 1024;
    /** Writes as {@code toString()} does: compact. */
    private static final com.fasterxml.jackson.databind.ObjectMapper COMPACT = new com.fasterxml.jackson.databind.ObjectMapper();

    /** One saved call; {@code lastResult} is null until it ran (or when it was too big to keep). */
    public record Request(String name, String tool, ObjectNode arguments, JsonNode lastResult) {
        public Request {
            arguments = arguments == null ? JsonNodeFactory.instance.objectNode() : arguments.deepCopy();
        }

        public Request withLastResult(JsonNode result) {
            boolean keep = result != null && writtenWithin(result, MAX_KEPT_RESULT);
            return new Request(name, tool, arguments, keep ? result : null);
        }
    }

    /**
     * Whether the node's JSON takes at most {@code maxChars} characters, written until it is known:
     * measuring with {@code toString()} wrote a 100 MB result whole into a String to learn that it
     * was too big.
     */
    static boolean writtenWithin(JsonNode node, int maxChars) {
        // a member still in the message's bytes would be parsed whole first: one sent in more than six
        // bytes a character (the longest escape is six bytes for one character) cannot be written in fewer
        for (JsonNode member : node) {
            if (member instanceof dev.mcpworkbench.inspector.traffic.LazyContainer lazy && !lazy.isRead()
                    && lazy.sentBytes() > 6L * maxChars) {
                return false;
            }
        }
        try {
            COMPACT.writeValue(new dev.mcpworkbench.inspector.io.CappedWriter(maxChars, false), node);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private SavedRequests() {
    }

    public static List<Request> of(ConnectionProfile profile) {
        List<Request> out = new ArrayList<>();
        for (JsonNode n : profile.extensions().path(KEY)) {
            if (!n.path("name").isTextual() || !n.path("tool").isTextual()) continue;
            JsonNode args = n.get("arguments");
            JsonNode last = n.get("lastResult");
            out.add(new Request(n.get("name").asText(), n.get("tool").asText(),
                    args instanceof ObjectNode o ? o : null, last == null || last.isNull() ? null : last));
        }
        return out;
    }

    public static ConnectionProfile with(ConnectionProfile profile, List<Request> requests) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Request r : requests) {
            ObjectNode n = array.addObject().put("name", r.name()).put("tool", r.tool());
            n.set("arguments", r.arguments());
            if (r.lastResult() != null) n.set("lastResult", r.lastResult());
        }
        return profile.withExtension(KEY, requests.isEmpty() ? null : array);
    }
}
