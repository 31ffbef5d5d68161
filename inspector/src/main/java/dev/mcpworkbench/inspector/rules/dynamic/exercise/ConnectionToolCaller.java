package dev.mcpworkbench.inspector.rules.dynamic.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.McpConnectionException;
import dev.mcpworkbench.inspector.connect.McpRemoteException;
import dev.mcpworkbench.inspector.connect.RequestOptions;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.rules.dynamic.ToolExchange;
import dev.mcpworkbench.inspector.traffic.EntryKind;
import dev.mcpworkbench.inspector.traffic.TrafficEntry;
import java.time.Duration;

/** {@link ToolCaller} over the workbench's own connection (stdio, Streamable HTTP, SSE). */
public final class ConnectionToolCaller implements ToolCaller {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final McpConnection connection;
    private final Duration timeout;
    private final ServerTarget target;
    private final ConnectOptions options;
    /** The seq of the last traffic entry whose stderr was handed out: each call sees only its own lines. */
    private long stderrSeen;

    public ConnectionToolCaller(McpConnection connection, Duration timeout) {
        this(connection, timeout, null, null);
    }

    /** With the target and options, it can open a second session under another client name. */
    public ConnectionToolCaller(McpConnection connection, Duration timeout, ServerTarget target, ConnectOptions options) {
        this.connection = connection;
        this.timeout = timeout;
        this.target = target;
        this.options = options;
        this.stderrSeen = lastSeq();
    }

    @Override
    public JsonNode listToolsAsClient(String clientName) throws Exception {
        if (target == null) return null;
        ConnectOptions other = options.withClientInfo(clientName, options.clientVersion());
        try (McpConnection second = McpConnection.open(target, other)) {
            ArrayNode all = MAPPER.createArrayNode();
            second.listTools().forEach(all::add);
            return all;
        }
    }

    @Override
    public JsonNode listTools() throws Exception {
        ArrayNode all = MAPPER.createArrayNode();
        connection.listTools().forEach(all::add);
        return all;
    }

    @Override
    public Outcome call(String tool, JsonNode arguments) {
        return call(tool, arguments, timeout);
    }

    @Override
    public Outcome call(String tool, JsonNode arguments, Duration limit) {
        Duration wait = limit.compareTo(timeout) < 0 ? limit : timeout;
        try {
            JsonNode result = connection.callTool(tool, arguments, RequestOptions.timeout(wait)).await();
            return new Outcome(MAPPER.writeValueAsBytes(result), null);
        } catch (McpRemoteException e) {
            JsonNode err = e.error();
            return new Outcome(null, new ToolExchange.RpcError(e.code(), err.path("message").asText(e.getMessage()),
                    err.has("data") ? err.get("data").toString() : ""));
        } catch (McpConnectionException e) {
            return new Outcome(null, new ToolExchange.RpcError(0, e.getMessage(), ""), e.kind() == McpConnectionException.Kind.TIMEOUT);
        } catch (Exception e) {
            return new Outcome(null, new ToolExchange.RpcError(0, e.getClass().getSimpleName() + ": " + e.getMessage(), ""));
        }
    }

    /** The stderr lines the server wrote since the last drain, read from the connection's traffic log. */
    @Override
    public String drainStderr() {
        StringBuilder lines = new StringBuilder();
        long last = stderrSeen;
        for (TrafficEntry e : connection.traffic().entries()) {
            if (e.seq() <= stderrSeen) continue;
            last = e.seq();
            if (e.kind() == EntryKind.STDERR) lines.append(e.text()).append('\n');
        }
        stderrSeen = last;
        return lines.toString();
    }

    private long lastSeq() {
        var entries = connection.traffic().entries();
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
    }
}
