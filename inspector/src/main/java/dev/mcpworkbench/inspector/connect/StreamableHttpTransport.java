package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.connect.McpConnectionException.Kind;
import dev.mcpworkbench.inspector.traffic.Direction;
import dev.mcpworkbench.inspector.traffic.HttpInfo;
import dev.mcpworkbench.inspector.traffic.JsonRpcText;
import dev.mcpworkbench.inspector.traffic.TrafficLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * MCP Streamable HTTP (2025-03-26 and later): every message is a POST; the answer is JSON or an
 * SSE stream; {@code Mcp-Session-Id} and {@code MCP-Protocol-Version} are sent once known (from the
 * first request in the stateless 2026-07-28 lifecycle, which has no initialize to negotiate it); a
 * GET stream carries what the server sends on its own; DELETE ends the session on close. Each HTTP
 * status and header set is recorded beside the JSON-RPC messages it carried.
 *
 * <p>A stream that ends or breaks while a request it should answer is still unanswered is resumed
 * (SEP-1699): after the server's {@code retry} delay (or one second), a GET with
 * {@code Last-Event-ID} of the last event id seen, at most {@value #MAX_RESUMES} times in a row.
 */
final class StreamableHttpTransport implements Transport {

    private static final int MAX_AUTH_RETRIES = 2;
    static final int MAX_RESUMES = 5;
    private static final long DEFAULT_RETRY_MILLIS = 1000;

    private final URI url;
    private final java.util.Map<String, String> headers;
    private final HttpAuthorization auth;
    private final TrafficLog traffic;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final HttpClient client;
    private final long maxMessageBytes;
    // Held from sending a POST until its response headers arrive, so messages reach the server in order.
    private final ReentrantLock sendOrder = new ReentrantLock(true);
    private final Set<InputStream> openStreams = ConcurrentHashMap.newKeySet();
    // Ids (as JSON text) of the requests sent whose answer has not arrived on any stream yet.
    private final Set<String> awaiting = ConcurrentHashMap.newKeySet();
    private volatile String sessionId;
    private volatile String protocolVersion;
    private volatile boolean closing;
    // 2026-07-28 and later: Mcp-Method and Mcp-Name on every POST (SEP-2243).
    private final boolean standardHeaders;
    private MessageSink sink;

    StreamableHttpTransport(ServerTarget.StreamableHttp target, ConnectOptions options, TrafficLog traffic) {
        this.url = target.url();
        this.headers = target.headers();
        this.auth = options.authorization();
        this.traffic = traffic;
        this.connectTimeout = options.connectTimeout();
        this.requestTimeout = options.requestTimeout();
        this.client = HttpSupport.client(options.connectTimeout());
        this.maxMessageBytes = options.maxMessageBytes();
        if (options.statelessLifecycle()) this.protocolVersion = options.protocolVersion();
        this.standardHeaders = options.statelessLifecycle();
    }

    /** Speak another stateless revision from the next request on (the server refused the first choice). */
    void useProtocolVersion(String version) {
        this.protocolVersion = version;
    }

    @Override
    public void start(MessageSink sink) {
        this.sink = sink;
    }

    @Override
    public void send(JsonNode message) {
        send(message, java.util.Map.of());
    }

    @Override
    public void send(JsonNode message, java.util.Map<String, String> extraHeaders) {
        String text = JsonWriting.compact(message);
        if (HttpSupport.isRequest(message)) awaiting.add(message.get("id").toString());
        java.util.Map<String, String> messageHeaders = new java.util.LinkedHashMap<>();
        if (standardHeaders) messageHeaders.putAll(StandardHeaders.of(message));
        messageHeaders.putAll(extraHeaders);
        Thread.ofVirtual().name("mcp-http-post").start(() -> post(message, text, messageHeaders));
    }

    private void post(JsonNode message, String text, java.util.Map<String, String> messageHeaders) {
        String method = message.path("method").asText();
        boolean first = "initialize".equals(method) || "server/discover".equals(method);
        HttpResponse<InputStream> response;
        HttpRequest request;
        sendOrder.lock();
        try {
            int attempt = 0;
            while (true) {
                request = postRequest(text, first, messageHeaders);
                traffic.recordMessage(Direction.CLIENT_TO_SERVER, text, message, HttpSupport.requestOnly(request));
                response = HttpSupport.send(client, request, HttpResponse.BodyHandlers.ofInputStream(), traffic);
                HttpInfo info = HttpSupport.info(request, response);
                traffic.recordHttp(Direction.SERVER_TO_CLIENT, info, "HTTP " + response.statusCode());
                response.headers().firstValue("Mcp-Session-Id").ifPresent(id -> sessionId = id);
                int status = response.statusCode();
                if ((status == 401 || status == 403) && attempt++ < MAX_AUTH_RETRIES
                        && auth.onUnauthorized(status, response.headers().map())) {
                    response.body().close();
                    continue;
                }
                break;
            }
        } catch (IOException e) {
            fail(message, HttpSupport.unreachable(url, e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            sendOrder.unlock();
        }
        handleResponse(message, request, response, first);
    }

    private HttpRequest postRequest(String text, boolean first, java.util.Map<String, String> messageHeaders) {
        HttpRequest.Builder builder = HttpSupport.request("POST", url, headers, auth)
                .timeout(first ? connectTimeout : requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        addSessionHeaders(builder);
        messageHeaders.forEach(builder::setHeader);
        return builder.build();
    }

    private void addSessionHeaders(HttpRequest.Builder builder) {
        if (sessionId != null) builder.header("Mcp-Session-Id", sessionId);
        if (protocolVersion != null) builder.header("MCP-Protocol-Version", protocolVersion);
    }

    private void handleResponse(JsonNode message, HttpRequest request, HttpResponse<InputStream> response, boolean first) {
        int status = response.statusCode();
        HttpInfo info = HttpSupport.info(request, response);
        if (status < 200 || status > 299) {
            String bodyStart = deliverErrorAnswer(message, response, info);
            if (bodyStart == null) return;
            McpConnectionException error = HttpSupport.statusError(url, status, bodyStart, first);
            fail(message, error);
            if (status == 404 && sessionId != null && !first) sink.onClosed(error);
            return;
        }
        String contentType = HttpSupport.contentType(response);
        if (status == 202 || status == 204) {
            HttpSupport.peek(response.body());
        } else if (contentType.startsWith("text/event-stream")) {
            readEvents(response.body(), info, message);
        } else if (contentType.startsWith("application/json")) {
            readJson(response.body(), HttpSupport.declaredLength(response), info, message, contentType);
        } else {
            fail(message, HttpSupport.notMcp(url, contentType, HttpSupport.peek(response.body())));
        }
    }

    /**
     * From 2026-07-28 on, a JSON-RPC error comes with a 4xx status (400 for invalid params or an
     * unsupported version, 404 for an unknown method): when the body is the JSON-RPC error answering
     * {@code sent}, it is delivered as the answer (returns null), so the caller sees the server's
     * code and data. Otherwise returns the body's start for the error message.
     */
    private String deliverErrorAnswer(JsonNode sent, HttpResponse<InputStream> response, HttpInfo info) {
        int status = response.statusCode();
        if (status == 401 || status == 403 || !HttpSupport.isRequest(sent)
                || !HttpSupport.contentType(response).startsWith("application/json")) {
            return HttpSupport.peek(response.body());
        }
        String text;
        try (InputStream body = response.body()) {
            text = new String(body.readNBytes(1 << 20), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
        JsonNode parsed = JsonRpcText.parseOrNull(text);
        if (parsed != null && parsed.isObject() && parsed.path("error").isObject()
                && sent.get("id").toString().equals(String.valueOf(parsed.get("id")))) {
            deliver(text, info, sent, "application/json");
            return null;
        }
        traffic.recordMessage(Direction.SERVER_TO_CLIENT, text, parsed, info);
        String start = text.replaceAll("\\s+", " ").strip();
        return start.length() > 160 ? start.substring(0, 160) + "…" : start;
    }

    private void readJson(InputStream body, long declared, HttpInfo info, JsonNode sent, String contentType) {
        byte[] bytes;
        try (body) {
            bytes = HttpSupport.readBoundedBytes(body, maxMessageBytes, declared);
        } catch (MessageTooLargeException e) {
            fail(sent, e.toConnectionException());
            return;
        } catch (IOException e) {
            fail(sent, new McpConnectionException(Kind.CLOSED, "The connection to " + url + " broke while reading the answer", e));
            return;
        }
        // parsed in place and kept as the bytes that arrived: no String of a big answer
        deliver(bytes, info, sent, contentType);
    }

    private void deliver(String text, HttpInfo info, JsonNode sent, String contentType) {
        deliver(text.getBytes(StandardCharsets.UTF_8), info, sent, contentType);
    }

    private void deliver(byte[] bytes, HttpInfo info, JsonNode sent, String contentType) {
        JsonNode parsed = JsonRpcText.parseOrNull(bytes);
        traffic.recordMessage(Direction.SERVER_TO_CLIENT, bytes, parsed, info);
        if (parsed != null && (parsed.isObject() || parsed.isArray())) {
            noteAnswers(parsed);
            sink.onMessage(parsed, bytes);
        } else if (sent != null) {
            String start = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
            fail(sent, HttpSupport.notMcp(url, contentType, start.length() > 160 ? start.substring(0, 160) + "…" : start));
        }
    }

    private void noteAnswers(JsonNode parsed) {
        if (parsed.isArray()) {
            parsed.forEach(this::noteAnswers);
        } else if (parsed.has("id") && !parsed.has("method") && (parsed.has("result") || parsed.has("error"))) {
            awaiting.remove(parsed.get("id").toString());
        }
    }

    /**
     * Reads an event stream to its end, resuming it while it owes an answer: for a POST's stream,
     * the answer to {@code sent}; for the GET stream ({@code sent} null), any answer still awaited,
     * when the server gave its events ids to resume from.
     */
    private void readEvents(InputStream body, HttpInfo info, JsonNode sent) {
        SseEventReader events = new SseEventReader(body, maxMessageBytes);
        String awaitedId = sent != null && HttpSupport.isRequest(sent) ? sent.get("id").toString() : null;
        InputStream current = body;
        HttpInfo currentInfo = info;
        IOException broke = null;
        for (int resumes = 0; ; resumes++) {
            broke = readAll(events, current, currentInfo);
            if (closing) return;
            if (broke instanceof MessageTooLargeException tooLarge) {
                traffic.recordLifecycle(tooLarge.getMessage());
                if (awaitedId != null && awaiting.contains(awaitedId)) fail(sent, tooLarge.toConnectionException());
                return;
            }
            boolean owesAnswer = awaitedId != null ? awaiting.contains(awaitedId)
                    : sent == null && !awaiting.isEmpty() && events.lastEventId() != null;
            if (!owesAnswer) break;
            if (resumes >= MAX_RESUMES) {
                traffic.recordLifecycle("Gave up resuming the stream after " + MAX_RESUMES + " attempts");
                break;
            }
            HttpResponse<InputStream> resumed = resume(events, sent);
            if (resumed == null) break;
            current = resumed.body();
            currentInfo = HttpSupport.info(resumed.request(), resumed);
        }
        if (awaitedId != null && awaiting.contains(awaitedId)) {
            fail(sent, broke == null
                    ? new McpConnectionException(Kind.CLOSED, "The server closed the stream without answering " + sent.path("method").asText("the request"))
                    : new McpConnectionException(Kind.CLOSED, "The connection to " + url + " broke while waiting for "
                            + sent.path("method").asText("an answer"), broke));
        }
    }

    /** Delivers the events of one stream; returns how it broke, or null when it ended normally. */
    private IOException readAll(SseEventReader events, InputStream stream, HttpInfo info) {
        openStreams.add(stream);
        try (stream) {
            events.follow(stream);
            SseEventReader.Event event;
            while ((event = events.next()) != null) {
                if ("message".equals(event.type()) && !event.isBlank()) deliver(event.bytes(), info, null, "text/event-stream");
            }
            return null;
        } catch (IOException e) {
            return e;
        } finally {
            openStreams.remove(stream);
        }
    }

    /** Waits the server's retry delay, then GETs the stream again from the last event id; null when that fails. */
    private HttpResponse<InputStream> resume(SseEventReader events, JsonNode sent) {
        long wait = events.retryMillis() >= 0 ? events.retryMillis() : DEFAULT_RETRY_MILLIS;
        String lastId = events.lastEventId();
        traffic.recordLifecycle("The stream ended before the answer to " + (sent == null ? "a pending request" : sent.path("method").asText("a request"))
                + "; resuming in " + wait + " ms" + (lastId == null ? "" : " from event " + lastId));
        try {
            Thread.sleep(wait);
            if (closing) return null;
            HttpResponse<InputStream> response = getStream(lastId, "GET resuming the stream");
            if (response.statusCode() / 100 == 2 && HttpSupport.contentType(response).startsWith("text/event-stream")) return response;
            HttpSupport.peek(response.body());
            traffic.recordLifecycle("The server refused to resume the stream (HTTP " + response.statusCode() + ")");
            return null;
        } catch (IOException e) {
            if (!closing) traffic.recordLifecycle("Resuming the stream failed: " + e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A GET for an event stream (optionally resuming after {@code lastEventId}), authorized like a POST. */
    private HttpResponse<InputStream> getStream(String lastEventId, String purpose) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder builder = HttpSupport.request("GET", url, headers, auth)
                    .timeout(connectTimeout)
                    .header("Accept", "text/event-stream")
                    .GET();
            addSessionHeaders(builder);
            if (lastEventId != null) builder.header("Last-Event-ID", lastEventId);
            HttpRequest request = builder.build();
            traffic.recordHttp(Direction.CLIENT_TO_SERVER, HttpSupport.requestOnly(request), purpose);
            HttpResponse<InputStream> response = HttpSupport.send(client, request, HttpResponse.BodyHandlers.ofInputStream(), traffic);
            traffic.recordHttp(Direction.SERVER_TO_CLIENT, HttpSupport.info(request, response), "HTTP " + response.statusCode() + " for the " + purpose);
            int status = response.statusCode();
            if ((status == 401 || status == 403) && attempt < MAX_AUTH_RETRIES && auth.onUnauthorized(status, response.headers().map())) {
                response.body().close();
                continue;
            }
            return response;
        }
    }

    private void fail(JsonNode message, McpConnectionException error) {
        if (closing) return;
        if (HttpSupport.isRequest(message)) awaiting.remove(message.get("id").toString());
        else traffic.recordLifecycle("Sending " + message.path("method").asText("a message") + " failed: " + error.getMessage());
        sink.onSendFailed(message, error);
    }

    @Override
    public void afterInitialize(String negotiatedVersion) {
        this.protocolVersion = negotiatedVersion;
        Thread.ofVirtual().name("mcp-http-get").start(this::listen);
    }

    /** The optional GET stream for messages the server sends outside any request's answer. */
    private void listen() {
        try {
            HttpResponse<InputStream> response = getStream(null, "GET stream for server messages");
            if (response.statusCode() == 200 && HttpSupport.contentType(response).startsWith("text/event-stream")) {
                readEvents(response.body(), HttpSupport.info(response.request(), response), null);
            } else {
                HttpSupport.peek(response.body());
            }
        } catch (IOException e) {
            if (!closing) traffic.recordLifecycle("GET stream ended: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (closing) return;
        closing = true;
        for (InputStream stream : openStreams) {
            try {
                stream.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
        if (sessionId != null) endSession();
    }

    private void endSession() {
        HttpRequest.Builder builder = HttpSupport.request("DELETE", url, headers, auth).timeout(Duration.ofSeconds(2)).DELETE();
        addSessionHeaders(builder);
        HttpRequest request = builder.build();
        try {
            HttpResponse<Void> response = HttpSupport.send(client, request, HttpResponse.BodyHandlers.discarding(), traffic);
            traffic.recordHttp(Direction.SERVER_TO_CLIENT, HttpSupport.info(request, response), "Session ended (DELETE)");
        } catch (IOException e) {
            traffic.recordLifecycle("DELETE of the session failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
