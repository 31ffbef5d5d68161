package dev.mcpworkbench.inspector.rules.dynamic.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.dynamic.ToolExchange;

/**
 * What the exerciser needs from a live connection: the tool list and calls whose results come
 * back as the raw JSON bytes of the result (so payload analysis sees what the server sent).
 */
public interface ToolCaller {

    /** The merged tools/list (all pages) as a JSON array of tool definitions. */
    JsonNode listTools() throws Exception;

    Outcome call(String tool, JsonNode arguments);

    /**
     * The same call, given at most {@code limit} to answer (what is left of the exercise's overall
     * limit when that is less than a call's own timeout). Callers without their own timeout ignore it.
     */
    default Outcome call(String tool, JsonNode arguments, java.time.Duration limit) {
        return call(tool, arguments);
    }

    /**
     * The tool list a fresh, separate session gets when it introduces itself as {@code clientName}
     * (DRIFT-002 cloaking), or null when this caller cannot open another session.
     */
    default JsonNode listToolsAsClient(String clientName) throws Exception {
        return null;
    }

    /** Whatever the server wrote to stderr since the last call ("" for HTTP servers). */
    default String drainStderr() {
        return "";
    }

    /** Exactly one of {@code resultJson} and {@code error} is set; {@code timedOut} when no answer came in time. */
    record Outcome(byte[] resultJson, ToolExchange.RpcError error, boolean timedOut) {
        public Outcome(byte[] resultJson, ToolExchange.RpcError error) {
            this(resultJson, error, false);
        }
    }
}
