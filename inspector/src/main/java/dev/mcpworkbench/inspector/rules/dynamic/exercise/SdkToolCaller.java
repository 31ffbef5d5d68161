package dev.mcpworkbench.inspector.rules.dynamic.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mcpworkbench.inspector.rules.dynamic.ToolExchange;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/** {@link ToolCaller} over an initialized MCP Java SDK client. */
public final class SdkToolCaller implements ToolCaller {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final McpSyncClient client;
    private final McpJsonMapper json = McpJsonDefaults.getMapper();
    private final StringBuffer stderr;

    /** @param stderr a buffer the transport's stderr handler appends to, or null */
    public SdkToolCaller(McpSyncClient client, StringBuffer stderr) {
        this.client = client;
        this.stderr = stderr;
    }

    @Override
    public JsonNode listTools() throws Exception {
        ArrayNode all = MAPPER.createArrayNode();
        String cursor = null;
        int pages = 0;
        do {
            McpSchema.ListToolsResult page = client.listTools(cursor);
            for (McpSchema.Tool t : page.tools()) all.add(MAPPER.readTree(json.writeValueAsBytes(t)));
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < 100);
        return all;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Outcome call(String tool, JsonNode arguments) {
        try {
            Map<String, Object> args = MAPPER.convertValue(arguments, Map.class);
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, args));
            return new Outcome(json.writeValueAsBytes(result), null);
        } catch (McpError e) {
            var err = e.getJsonRpcError();
            String data = err == null || err.data() == null ? "" : String.valueOf(err.data());
            return new Outcome(null, new ToolExchange.RpcError(err == null || err.code() == null ? 0 : err.code(),
                    err == null ? e.getMessage() : err.message(), data));
        } catch (Exception e) {
            return new Outcome(null, new ToolExchange.RpcError(0, e.getClass().getSimpleName() + ": " + e.getMessage(), ""));
        }
    }

    @Override
    public String drainStderr() {
        if (stderr == null) return "";
        synchronized (stderr) {
            String s = stderr.toString();
            stderr.setLength(0);
            return s;
        }
    }
}
