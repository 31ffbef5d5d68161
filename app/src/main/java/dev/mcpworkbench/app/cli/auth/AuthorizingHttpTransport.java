package dev.mcpworkbench.app.cli.auth;

import dev.mcpworkbench.inspector.connect.SseEventReader;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransportException;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A Streamable HTTP client transport for the MCP SDK client that (1) puts the OAuth session's bearer
 * token on every request and hands 401/403 to the session, and (2) resumes a response stream the
 * server closed before answering: it waits the server's {@code retry} delay, then GETs the endpoint
 * with {@code Last-Event-ID} (SEP-1699). The SDK's own transport does neither of the latter.
 */
public final class AuthorizingHttpTransport implements McpClientTransport {

    private static final int MAX_AUTH_RETRIES = 3;
    private static final int MAX_RESUMES = 5;
    private static final long DEFAULT_RETRY_MILLIS = 1000;

    private final URI endpoint;
    private final OAuthSession session;
    private final Duration timeout;
    private final HttpClient http;
    private final McpJsonMapper json = McpJsonDefaults.getMapper();
    private final AtomicReference<Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>>> handler =
            new AtomicReference<>();
    private final AtomicReference<String> sessionId = new AtomicReference<>();
    private final AtomicReference<String> protocolVersion = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean standaloneStreamOpened = new AtomicBoolean();
    private final java.util.Set<String> answeredRequests = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public AuthorizingHttpTransport(URI endpoint, OAuthSession session, Duration timeout) {
        this(endpoint, session, timeout, null);
    }

    /**
     * With {@code fixedProtocolVersion}, every request carries that MCP-Protocol-Version from the
     * start (the stateless 2026-07-28 lifecycle has no initialize to negotiate it).
     */
    public AuthorizingHttpTransport(URI endpoint, OAuthSession session, Duration timeout, String fixedProtocolVersion) {
        this.protocolVersion.set(fixedProtocolVersion);
        this.endpoint = Objects.requireNonNull(endpoint);
        this.session = session;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public List<String> protocolVersions() {
        return List.of(ProtocolVersions.MCP_2024_11_05, ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18,
                ProtocolVersions.MCP_2025_11_25);
    }

    @Override
    public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> messageHandler) {
        handler.set(messageHandler);
        return Mono.empty();
    }

    @Override
    public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
        return Mono.<Void>fromRunnable(() -> post(message)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.<Void>fromRunnable(this::terminateSession).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return json.convertValue(data, typeRef);
    }

    private void post(McpSchema.JSONRPCMessage message) {
        String body;
        try {
            body = json.writeValueAsString(message);
        } catch (IOException e) {
            throw new McpTransportException("cannot serialize a message", e);
        }
        HttpResponse<InputStream> response = sendWithAuthorization(() -> request()
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        response.headers().firstValue("mcp-session-id").ifPresent(id -> sessionId.compareAndSet(null, id));
        int status = response.statusCode();
        if (status == 202 || message instanceof McpSchema.JSONRPCNotification || message instanceof McpSchema.JSONRPCResponse) {
            drain(response);
            if (status / 100 != 2) {
                throw new McpTransportException("the server answered " + status + " to a notification or response");
            }
            if (message instanceof McpSchema.JSONRPCNotification n && "notifications/initialized".equals(n.method())) {
                openStandaloneStream();
            }
            return;
        }
        if (status / 100 != 2) {
            drain(response);
            throw new McpTransportException("the server answered HTTP " + status);
        }
        Object requestId = message instanceof McpSchema.JSONRPCRequest r ? r.id() : null;
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("text/event-stream")) {
            Thread.ofVirtual().name("mcp-sse").start(() -> consumeStream(response.body(), requestId));
        } else {
            deliver(readAll(response), requestId);
        }
    }

    /**
     * The GET stream on which the server sends requests and notifications not tied to a client request
     * (elicitation, for one). A 405 means the server offers none.
     */
    private void openStandaloneStream() {
        if (!standaloneStreamOpened.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("mcp-sse-standalone").start(() -> {
            try {
                HttpResponse<InputStream> response = sendWithAuthorization(() -> request().header("Accept", "text/event-stream").GET().build());
                String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
                if (response.statusCode() / 100 != 2 || !type.startsWith("text/event-stream")) {
                    drain(response);
                    return;
                }
                try (InputStream in = response.body()) {
                    SseEventReader events = new SseEventReader(in);
                    SseEventReader.Event event;
                    while (!closed.get() && (event = events.next()) != null) {
                        if (!event.data().isBlank()) {
                            deliver(event.data(), null);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the standalone stream is optional: requests still get their answers on their own streams
            }
        });
    }

    /** Reads a POST's event stream; if it ends before the response, resumes it with GET + Last-Event-ID. */
    private void consumeStream(InputStream stream, Object requestId) {
        SseEventReader reader = new SseEventReader(stream);
        AtomicBoolean answered = new AtomicBoolean();
        InputStream current = stream;
        for (int attempt = 0; attempt <= MAX_RESUMES && !closed.get(); attempt++) {
            try (InputStream in = current) {
                reader.follow(in);
                SseEventReader.Event event;
                while (!answered.get() && (event = reader.next()) != null) {
                    if (!event.data().isBlank() && deliver(event.data(), requestId)) {
                        answered.set(true);
                    }
                }
            } catch (IOException e) {
                // a broken stream is resumed like a closed one
            }
            if (answered.get() || requestId == null || closed.get() || answeredRequests.contains(String.valueOf(requestId))) {
                return;
            }
            current = resume(reader);
            if (current == null) {
                return;
            }
        }
    }

    private InputStream resume(SseEventReader reader) {
        long wait = reader.retryMillis() >= 0 ? reader.retryMillis() : DEFAULT_RETRY_MILLIS;
        try {
            Thread.sleep(wait);
            HttpResponse<InputStream> response = sendWithAuthorization(() -> {
                HttpRequest.Builder builder = request().header("Accept", "text/event-stream").GET();
                if (reader.lastEventId() != null) {
                    builder.header("Last-Event-ID", reader.lastEventId());
                }
                return builder.build();
            });
            if (response.statusCode() / 100 != 2) {
                drain(response);
                return null;
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Hands a message to the client; true when it is the response to {@code requestId}. */
    private boolean deliver(String data, Object requestId) {
        if (data == null || data.isBlank()) {
            return false;
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, data);
        } catch (IOException | IllegalArgumentException e) {
            throw new McpTransportException("the server sent a message that is not JSON-RPC", e);
        }
        rememberProtocolVersion(message);
        var h = handler.get();
        if (h != null) {
            h.apply(Mono.just(message)).subscribe(ignored -> { }, error -> { });
        }
        if (message instanceof McpSchema.JSONRPCResponse response) {
            answeredRequests.add(String.valueOf(response.id()));
        }
        return message instanceof McpSchema.JSONRPCResponse response && requestId != null
                && String.valueOf(requestId).equals(String.valueOf(response.id()));
    }

    private void rememberProtocolVersion(McpSchema.JSONRPCMessage message) {
        if (protocolVersion.get() == null && message instanceof McpSchema.JSONRPCResponse response
                && response.result() instanceof java.util.Map<?, ?> result && result.get("protocolVersion") instanceof String v
                && result.containsKey("serverInfo")) {
            protocolVersion.set(v);
        }
    }

    private HttpResponse<InputStream> sendWithAuthorization(java.util.function.Supplier<HttpRequest> request) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.get(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new McpTransportException("the server did not answer: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new McpTransportException("interrupted", e);
            }
            int status = response.statusCode();
            if ((status != 401 && status != 403) || session == null) {
                return response;
            }
            drain(response);
            List<String> challenge = response.headers().allValues("WWW-Authenticate");
            if (attempt >= MAX_AUTH_RETRIES || !session.onAuthorizationError(status, challenge)) {
                String reason = attempt >= MAX_AUTH_RETRIES ? "still refused after " + attempt + " new authorizations"
                        : session.lastFailure();
                throw new McpTransportException("authorization failed (HTTP " + status + ")" + (reason == null ? "" : ": " + reason));
            }
        }
    }

    private HttpRequest.Builder request() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(timeout);
        String id = sessionId.get();
        if (id != null) {
            builder.header("Mcp-Session-Id", id);
        }
        String version = protocolVersion.get();
        if (version != null) {
            builder.header("MCP-Protocol-Version", version);
        }
        if (session != null) {
            session.accessToken().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        }
        return builder;
    }

    private void terminateSession() {
        closed.set(true);
        String id = sessionId.get();
        if (id == null) {
            return;
        }
        try {
            HttpResponse<InputStream> response = http.send(request().DELETE().build(), HttpResponse.BodyHandlers.ofInputStream());
            drain(response);
        } catch (IOException e) {
            // the session ends with the process anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readAll(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return new String(in.readNBytes(16 << 20), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new McpTransportException("the response broke off: " + e.getMessage(), e);
        }
    }

    private static void drain(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.readNBytes(1 << 20);
        } catch (IOException e) {
            // nothing left to read
        }
    }
}
