package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;

/** The server answered a request with a JSON-RPC error. */
public class McpRemoteException extends McpConnectionException {

    private final int code;
    private final JsonNode error;

    public McpRemoteException(String method, JsonNode error) {
        super(Kind.PROTOCOL, method + " failed: " + describe(error));
        this.code = error.path("code").asInt(0);
        this.error = error;
    }

    /** The JSON-RPC error code (e.g. -32601 method not found). */
    public int code() {
        return code;
    }

    /** The raw error object as the server sent it. */
    public JsonNode error() {
        return error;
    }

    private static String describe(JsonNode error) {
        String message = error.path("message").asText("");
        String oneLine = message.replaceAll("\\s+", " ").trim();
        if (oneLine.length() > 300) oneLine = oneLine.substring(0, 300) + "…";
        return oneLine + " (code " + error.path("code").asText("?") + ")";
    }
}
