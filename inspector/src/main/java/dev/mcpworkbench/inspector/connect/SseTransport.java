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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Legacy HTTP+SSE (MCP 2024-11-05): a GET opens the event stream, whose first {@code endpoint}
 * event says where to POST messages; every answer arrives on the stream.
 */
final class SseTransport implements Transport {

    private final URI url;
    private final Map<String, String> headers;
    private final HttpAuthorization auth;
    private final TrafficLog traffic;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final HttpClient client;
    private final long maxMessageBytes;
    private final ReentrantLock sendOrder = new ReentrantLock(true);
    private final CompletableFuture<URI> endpoint = new CompletableFuture<>();
    private volatile InputStream stream;
    private volatile boolean closing;
    private MessageSink sink;

    SseTransport(ServerTarget.Sse target, ConnectOptions options, TrafficLog traffic) {
        this.url = target.url();
        this.headers = target.headers();
        this.auth = options.authorization();
        this.traffic = traffic;
        this.connectTimeout = options.connectTimeout();
        this.requestTimeout = options.requestTimeout();
        this.client = HttpSupport.client(options.connectTimeout());
        this.maxMessageBytes = options.maxMessageBytes();
    }

    @Override
    public void start(MessageSink sink) throws McpConnectionException {
        this.sink = sink;
        HttpResponse<InputStream> response = openStream();
        Thread.ofVirtual().name("mcp-sse-stream").start(() -> readStream(response));
        try {
            endpoint.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new McpConnectionException(Kind.NOT_MCP, url + " sent no endpoint event within " + Durations.human(connectTimeout)
                    + " (is this a legacy SSE MCP endpoint?)");
        } catch (ExecutionException e) {
            throw PendingRequest.unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpConnectionException(Kind.CANCELLED, "Interrupted while connecting to " + url);
        }
    }

    private HttpResponse<InputStream> openStream() throws McpConnectionException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest request = HttpSupport.request("GET", url, headers, auth).timeout(connectTimeout)
                    .header("Accept", "text/event-stream").GET().build();
            traffic.recordHttp(Direction.CLIENT_TO_SERVER, HttpSupport.requestOnly(request), "GET event stream");
            HttpResponse<InputStream> response;
            try {
                response = HttpSupport.send(client, request, HttpResponse.BodyHandlers.ofInputStream(), traffic);
            } catch (IOException e) {
                throw HttpSupport.unreachable(url, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new McpConnectionException(Kind.CANCELLED, "Interrupted while connecting to " + url);
            }
            traffic.recordHttp(Direction.SERVER_TO_CLIENT, HttpSupport.info(request, response), "HTTP " + response.statusCode());
            int status = response.statusCode();
            if ((status == 401 || status == 403) && attempt < 2 && auth.onUnauthorized(status, response.headers().map())) {
                HttpSupport.peek(response.body());
                continue;
            }
            if (status < 200 || status > 299) throw HttpSupport.statusError(url, status, HttpSupport.peek(response.body()), true);
            String contentType = HttpSupport.contentType(response);
            if (!contentType.startsWith("text/event-stream")) {
                throw HttpSupport.notMcp(url, contentType, HttpSupport.peek(response.body()));
            }
            return response;
        }
    }

    private void readStream(HttpResponse<InputStream> response) {
        stream = response.body();
        HttpInfo info = new HttpInfo("GET", url.toString(), Map.of(), response.statusCode(), response.headers().map());
        McpConnectionException reason = null;
        try (InputStream body = stream) {
            SseEventReader events = new SseEventReader(body, maxMessageBytes);
            SseEventReader.Event event;
            while ((event = events.next()) != null) {
                if ("endpoint".equals(event.type())) {
                    traffic.recordLifecycle("Endpoint event: " + event.data());
                    endpoint.complete(postEndpoint(event.data()));
                } else if ("message".equals(event.type())) {
                    // the event's bytes are the one array for the log and the tree, as with the other
                    // transports: a long text of the message stays in it (LongTextNode)
                    byte[] utf8 = event.bytes();
                    JsonNode parsed = JsonRpcText.parseOrNull(utf8);
                    traffic.recordMessage(Direction.SERVER_TO_CLIENT, utf8, parsed, info);
                    if (parsed != null && (parsed.isObject() || parsed.isArray())) sink.onMessage(parsed, utf8);
                }
            }
            reason = new McpConnectionException(Kind.CLOSED, url + " closed the event stream");
        } catch (MessageTooLargeException e) {
            reason = e.toConnectionException();
        } catch (IOException e) {
            reason = new McpConnectionException(Kind.CLOSED, "The event stream from " + url + " broke", e);
        } catch (IllegalArgumentException e) {
            reason = new McpConnectionException(Kind.PROTOCOL, url + " sent an invalid endpoint: " + e.getMessage());
        }
        endpoint.completeExceptionally(reason);
        if (!closing) {
            traffic.recordLifecycle(reason.getMessage());
            sink.onClosed(reason);
        }
    }

    /**
     * Where the {@code endpoint} event says to POST: only within the stream's own origin, the same
     * check redirects get, so the user's headers and credentials never go to a host they did not name.
     */
    private URI postEndpoint(String data) {
        URI target = url.resolve(data.strip());
        if (!Origins.same(url, target)) {
            throw new IllegalArgumentException(target + " is another origin than the event stream's (" + Origins.of(url)
                    + "); the workbench posts nothing there, so your headers and credentials stay with " + Origins.of(url));
        }
        return target;
    }

    @Override
    public void send(JsonNode message) {
        String text = JsonWriting.compact(message);
        Thread.ofVirtual().name("mcp-sse-post").start(() -> post(message, text));
    }

    private void post(JsonNode message, String text) {
        URI target = endpoint.getNow(null);
        if (target == null) return;
        sendOrder.lock();
        try {
            for (int attempt = 0; ; attempt++) {
                HttpRequest request = HttpSupport.request("POST", target, headers, auth).timeout(requestTimeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build();
                traffic.recordMessage(Direction.CLIENT_TO_SERVER, text, message, HttpSupport.requestOnly(request));
                HttpResponse<InputStream> response = HttpSupport.send(client, request, HttpResponse.BodyHandlers.ofInputStream(), traffic);
                traffic.recordHttp(Direction.SERVER_TO_CLIENT, HttpSupport.info(request, response), "HTTP " + response.statusCode());
                int status = response.statusCode();
                String body = HttpSupport.peek(response.body());
                if ((status == 401 || status == 403) && attempt < 2 && auth.onUnauthorized(status, response.headers().map())) continue;
                if (status < 200 || status > 299) sink.onSendFailed(message, HttpSupport.statusError(target, status, body, false));
                return;
            }
        } catch (IOException e) {
            if (!closing) sink.onSendFailed(message, HttpSupport.unreachable(target, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sendOrder.unlock();
        }
    }

    @Override
    public void close() {
        closing = true;
        InputStream s = stream;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }
}
