package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.connect.McpConnectionException.Kind;
import dev.mcpworkbench.inspector.traffic.Direction;
import dev.mcpworkbench.inspector.traffic.HttpInfo;
import dev.mcpworkbench.inspector.traffic.JsonRpcText;
import dev.mcpworkbench.inspector.traffic.TrafficLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 * SSE stream; {@code Mcp-Session-Id} and {@code MCP-Protocol-Version} are sent once known; a GET
 * stream carries what the server sends on its own; DELETE ends the session on close. Each HTTP
 * status and header set is recorded beside the JSON-RPC messages it carried.
 */
final class StreamableHttpTransport implements Transport {

    private static final int MAX_AUTH_RETRIES = 2;

    private final URI url;
    private final java.util.Map<String, String> headers;
    private final HttpAuthorization auth;
    private final TrafficLog traffic;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final HttpClient client;
    // Held from sending a POST until its response headers arrive, so messages reach the server in order.
    private final ReentrantLock sendOrder = new ReentrantLock(true);
    private final Set<InputStream> openStreams = ConcurrentHashMap.newKeySet();
    private volatile String sessionId;
    private volatile String protocolVersion;
    private volatile boolean closing;
    private MessageSink sink;

    StreamableHttpTransport(ServerTarget.StreamableHttp target, ConnectOptions options, TrafficLog traffic) {
        this.url = target.url();
        this.headers = target.headers();
        this.auth = options.authorization();
        this.traffic = traffic;
        this.connectTimeout = options.connectTimeout();
        this.requestTimeout = options.requestTimeout();
        this.client = HttpSupport.client(options.connectTimeout());
    }

    @Override
    public void start(MessageSink sink) {
        this.sink = sink;
    }

    @Override
    public void send(JsonNode message) {
        String text = JsonWriting.compact(message);
        Thread.ofVirtual().name("mcp-http-post").start(() -> post(message, text));
    }

    private void post(JsonNode message, String text) {
        boolean first = "initialize".equals(message.path("method").asText());
        HttpResponse<InputStream> response;
        HttpRequest request;
        sendOrder.lock();
        try {
            int attempt = 0;
            while (true) {
                request = postRequest(text, first);
                traffic.recordMessage(Direction.CLIENT_TO_SERVER, text, message, HttpSupport.requestOnly(request));
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
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

    private HttpRequest postRequest(String text, boolean first) {
        HttpRequest.Builder builder = HttpSupport.request(url, headers, auth)
                .timeout(first ? connectTimeout : requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        addSessionHeaders(builder);
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
            McpConnectionException error = HttpSupport.statusError(url, status, HttpSupport.peek(response.body()), first);
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
            readJson(response.body(), info, message, contentType);
        } else {
            fail(message, HttpSupport.notMcp(url, contentType, HttpSupport.peek(response.body())));
        }
    }

    private void readJson(InputStream body, HttpInfo info, JsonNode sent, String contentType) {
        String text;
        try (body) {
            text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            fail(sent, new McpConnectionException(Kind.CLOSED, "The connection to " + url + " broke while reading the answer", e));
            return;
        }
        deliver(text, info, sent, contentType);
    }

    private void deliver(String text, HttpInfo info, JsonNode sent, String contentType) {
        JsonNode parsed = JsonRpcText.parseOrNull(text);
        traffic.recordMessage(Direction.SERVER_TO_CLIENT, text, parsed, info);
        if (parsed != null && (parsed.isObject() || parsed.isArray())) {
            sink.onMessage(parsed);
        } else if (sent != null) {
            String start = text.replaceAll("\\s+", " ").strip();
            fail(sent, HttpSupport.notMcp(url, contentType, start.length() > 160 ? start.substring(0, 160) + "…" : start));
        }
    }

    private void readEvents(InputStream body, HttpInfo info, JsonNode sent) {
        openStreams.add(body);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            SseEventReader events = new SseEventReader(reader);
            SseEventReader.Event event;
            while ((event = events.next()) != null) {
                if ("message".equals(event.type()) && !event.data().isBlank()) deliver(event.data(), info, null, "text/event-stream");
            }
            if (sent != null) fail(sent, new McpConnectionException(Kind.CLOSED,
                    "The server closed the stream without answering " + sent.path("method").asText("the request")));
        } catch (IOException e) {
            if (!closing && sent != null) {
                fail(sent, new McpConnectionException(Kind.CLOSED, "The connection to " + url + " broke while waiting for "
                        + sent.path("method").asText("an answer"), e));
            }
        } finally {
            openStreams.remove(body);
        }
    }

    private void fail(JsonNode message, McpConnectionException error) {
        if (closing) return;
        if (!HttpSupport.isRequest(message)) traffic.recordLifecycle("Sending " + message.path("method").asText("a message") + " failed: " + error.getMessage());
        sink.onSendFailed(message, error);
    }

    @Override
    public void afterInitialize(String negotiatedVersion) {
        this.protocolVersion = negotiatedVersion;
        Thread.ofVirtual().name("mcp-http-get").start(this::listen);
    }

    /** The optional GET stream for messages the server sends outside any request's answer. */
    private void listen() {
        HttpRequest.Builder builder = HttpSupport.request(url, headers, auth)
                .timeout(connectTimeout)
                .header("Accept", "text/event-stream")
                .GET();
        addSessionHeaders(builder);
        HttpRequest request = builder.build();
        try {
            traffic.recordHttp(Direction.CLIENT_TO_SERVER, HttpSupport.requestOnly(request), "GET stream for server messages");
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            HttpInfo info = HttpSupport.info(request, response);
            traffic.recordHttp(Direction.SERVER_TO_CLIENT, info, "HTTP " + response.statusCode() + " for the GET stream");
            if (response.statusCode() == 200 && HttpSupport.contentType(response).startsWith("text/event-stream")) {
                readEvents(response.body(), info, null);
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
        HttpRequest.Builder builder = HttpSupport.request(url, headers, auth).timeout(Duration.ofSeconds(2)).DELETE();
        addSessionHeaders(builder);
        HttpRequest request = builder.build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            traffic.recordHttp(Direction.SERVER_TO_CLIENT, HttpSupport.info(request, response), "Session ended (DELETE)");
        } catch (IOException e) {
            traffic.recordLifecycle("DELETE of the session failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
