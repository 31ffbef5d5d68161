package dev.mcpworkbench.lab.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The server side of MCP Streamable HTTP on the JDK's HttpServer, in its stateless form: each
 * POST carries one JSON-RPC message and a request is answered with one application/json
 * response; there is no server-initiated stream (GET answers 405, as the specification allows).
 * The strict (secure) endpoint has no sessions; the lax (flawed) one hands out sequential session
 * ids on initialize and never checks them, as a badly built server would. The SDK ships this
 * transport only for servlet containers.
 */
public final class HttpMcpEndpoint implements McpStatelessServerTransport, HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpMcpEndpoint.class);
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(60);

    private final boolean strict;
    private final RequestGuard guard;
    /** The lax (flawed) endpoint hands out guessable session ids it never checks (TRANSPORT-003). */
    private final java.util.concurrent.atomic.AtomicLong sessionCounter = new java.util.concurrent.atomic.AtomicLong();
    private final SkillsMethods skills;
    private volatile McpStatelessServerHandler handler;

    /**
     * @param strict a strict endpoint refuses browser requests from non-loopback origins (DNS
     *               rebinding); a lax one allows any origin with CORS {@code *}
     */
    public HttpMcpEndpoint(boolean strict, RequestGuard guard) {
        this(strict, guard, new SkillsMethods(List.of()));
    }

    /** @param skills answers the skills extension's methods, which the SDK server does not know */
    public HttpMcpEndpoint(boolean strict, RequestGuard guard, SkillsMethods skills) {
        this.strict = strict;
        this.guard = guard;
        this.skills = skills;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler mcpHandler) {
        this.handler = mcpHandler;
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    @Override
    public List<String> protocolVersions() {
        return List.of(ProtocolVersions.MCP_2025_11_25, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_03_26);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!originAllowed(exchange)) {
                HttpResponses.send(exchange, 403, "text/plain", "Forbidden origin");
                return;
            }
            if (!strict) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            }
            switch (exchange.getRequestMethod()) {
                case "POST" -> post(exchange);
                case "OPTIONS" -> preflight(exchange);
                default -> rejectMethod(exchange);
            }
        } catch (RuntimeException e) {
            LOG.warn("MCP request failed: {}", e.toString());
            HttpResponses.send(exchange, 500, "text/plain", "Internal error");
        }
    }

    private boolean originAllowed(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (!strict || origin == null) {
            return true;
        }
        try {
            String host = URI.create(origin).getHost();
            return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void preflight(HttpExchange exchange) throws IOException {
        if (!strict) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
            exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "*");
        }
        HttpResponses.empty(exchange, 204);
    }

    private void rejectMethod(HttpExchange exchange) throws IOException {
        Optional<Caller> caller = guard.admit(exchange, null);
        if (caller.isEmpty()) {
            return;
        }
        exchange.getResponseHeaders().set("Allow", "POST");
        HttpResponses.send(exchange, 405, "text/plain", "This server has no server-initiated stream; use POST");
    }

    private void post(HttpExchange exchange) throws IOException {
        byte[] body = HttpResponses.readBody(exchange, MAX_BODY_BYTES);
        if (body == null) {
            HttpResponses.json(exchange, 413, error(null, McpSchema.ErrorCodes.INVALID_REQUEST, "Request body too large"));
            return;
        }
        JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(Json.MCP, new String(body, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            HttpResponses.json(exchange, 400, error(null, McpSchema.ErrorCodes.PARSE_ERROR, "Invalid JSON-RPC message"));
            return;
        }
        Optional<Caller> caller = guard.admit(exchange, message);
        if (caller.isEmpty()) {
            return;
        }
        McpTransportContext context = McpTransportContext.create(Map.of(Caller.CONTEXT_KEY, caller.get()));
        if (message instanceof JSONRPCRequest request) {
            JSONRPCResponse response = skills.answer(request)
                    .orElseGet(() -> handler.handleRequest(context, request).block(HANDLER_TIMEOUT));
            if (!strict && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
                // sequential, unbound to the caller's token, and never required afterwards
                exchange.getResponseHeaders().set("Mcp-Session-Id", "session-" + sessionCounter.incrementAndGet());
            }
            HttpResponses.json(exchange, 200, Json.MCP.writeValueAsString(response));
        } else if (message instanceof JSONRPCNotification notification) {
            handler.handleNotification(context, notification).block(HANDLER_TIMEOUT);
            HttpResponses.empty(exchange, 202);
        } else {
            HttpResponses.empty(exchange, 202);
        }
    }

    private static String error(Object id, int code, String text) {
        return Json.write(new JSONRPCResponse(McpSchema.JSONRPC_VERSION, id, null,
                new JSONRPCResponse.JSONRPCError(code, text, null)));
    }
}
