package dev.mcpworkbench.app.cli.auth;

import dev.mcpworkbench.oauth.flow.OAuthSession;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stateless lifecycle of MCP 2026-07-28 (SEP-2575), which the SDK client does not speak: no
 * initialize; every request names the protocol version in a header and, with the client's
 * capabilities, in {@code params._meta}; {@code server/discover} replaces the handshake.
 * It shares the authorizing transport, so OAuth works the same way.
 */
public final class StatelessMcpClient implements AutoCloseable {

    private static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
    private static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
    private static final String META_CLIENT = "io.modelcontextprotocol/clientInfo";

    private final String version;
    private final Duration timeout;
    private final AuthorizingHttpTransport transport;
    private final McpJsonMapper json = McpJsonDefaults.getMapper();
    private final Map<String, CompletableFuture<McpSchema.JSONRPCResponse>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public StatelessMcpClient(URI endpoint, OAuthSession session, Duration timeout, String version) {
        this.version = version;
        this.timeout = timeout;
        this.transport = new AuthorizingHttpTransport(endpoint, session, timeout, version);
        transport.connect(mono -> mono.doOnNext(message -> {
            if (message instanceof McpSchema.JSONRPCResponse response) {
                CompletableFuture<McpSchema.JSONRPCResponse> waiting = pending.remove(String.valueOf(response.id()));
                if (waiting != null) {
                    waiting.complete(response);
                }
            }
        })).block();
    }

    /** server/discover, shaped as an initialize result so the rest of the command is the same. */
    public McpSchema.InitializeResult discover() {
        Map<String, Object> result = request("server/discover", new LinkedHashMap<>());
        Object meta = result.get("_meta");
        Object serverInfo = meta instanceof Map<?, ?> m ? m.get("io.modelcontextprotocol/serverInfo") : null;
        return new McpSchema.InitializeResult(version,
                json.convertValue(result.getOrDefault("capabilities", Map.of()), McpSchema.ServerCapabilities.class),
                serverInfo == null ? null : json.convertValue(serverInfo, McpSchema.Implementation.class), null);
    }

    public List<McpSchema.Tool> listTools() {
        List<McpSchema.Tool> tools = new java.util.ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            Map<String, Object> params = new LinkedHashMap<>();
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            McpSchema.ListToolsResult result = json.convertValue(request("tools/list", params), McpSchema.ListToolsResult.class);
            tools.addAll(result.tools());
            cursor = result.nextCursor();
            if (cursor == null || cursor.isEmpty()) {
                break;
            }
        }
        return tools;
    }

    public McpSchema.CallToolResult callTool(String name, Map<String, Object> arguments) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", name);
        params.put("arguments", arguments);
        return json.convertValue(request("tools/call", params), McpSchema.CallToolResult.class);
    }

    private Map<String, Object> request(String method, Map<String, Object> params) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put(META_VERSION, version);
        meta.put(META_CAPABILITIES, Map.of());
        meta.put(META_CLIENT, Map.of("name", "mcp-workbench", "version", "dev"));
        params.put("_meta", meta);
        String id = String.valueOf(ids.incrementAndGet());
        CompletableFuture<McpSchema.JSONRPCResponse> answer = new CompletableFuture<>();
        pending.put(id, answer);
        transport.sendMessage(new McpSchema.JSONRPCRequest(McpSchema.JSONRPC_VERSION, method, Long.parseLong(id), params)).block();
        McpSchema.JSONRPCResponse response;
        try {
            response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(method + ": no answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException(method + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } finally {
            pending.remove(id);
        }
        if (response.error() != null) {
            throw new McpError(response.error());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = response.result() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return result;
    }

    @Override
    public void close() {
        transport.closeGracefully().block();
    }
}
