package dev.mcpworkbench.inspector.rules.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.mcpworkbench.inspector.payload.Payload;
import java.time.Duration;
import java.util.Objects;

/**
 * One tools/call as the dynamic rules see it: the tool's definition, the arguments sent, the
 * result payload (null when the call failed with a JSON-RPC error), the error, what the server
 * wrote to stderr meanwhile, and how long it took. {@code probe} is set when the arguments were
 * crafted to test input validation (SCHEMA-007), null for ordinary calls.
 */
public record ToolExchange(
        String toolName,
        JsonNode toolDefinition,
        JsonNode arguments,
        Payload result,
        RpcError error,
        String stderr,
        Duration elapsed,
        InputProbe probe) {

    public ToolExchange {
        Objects.requireNonNull(toolName, "toolName");
        toolDefinition = toolDefinition == null ? NullNode.instance : toolDefinition;
        arguments = arguments == null ? NullNode.instance : arguments;
        stderr = stderr == null ? "" : stderr;
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
    }

    /** A JSON-RPC error answer (or a transport failure, code 0). */
    public record RpcError(int code, String message, String data) {
        public static final int INVALID_PARAMS = -32602;

        public RpcError {
            message = message == null ? "" : message;
            data = data == null ? "" : data;
        }
    }

    public static ToolExchange ofResult(String tool, JsonNode definition, JsonNode args, Payload result) {
        return new ToolExchange(tool, definition, args, result, null, "", Duration.ZERO, null);
    }

    public boolean failed() {
        return error != null;
    }

    public JsonNode outputSchema() {
        return toolDefinition.path("outputSchema");
    }

    public JsonNode inputSchema() {
        return toolDefinition.path("inputSchema");
    }
}
