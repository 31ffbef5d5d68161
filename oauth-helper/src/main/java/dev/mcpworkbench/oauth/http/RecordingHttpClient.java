package dev.mcpworkbench.oauth.http;

import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one HTTP client of the authorization flow. It never follows redirects (a redirect is recorded and
 * judged, not obeyed), caps every response body, times out every request, and hands each exchange to a
 * sink so the flow can show it. Nimbus requests go through {@link #nimbusSender(Consumer)}.
 */
public final class RecordingHttpClient {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "host", "expect", "upgrade");

    private final HttpClient client;
    private final Duration requestTimeout;
    private final int maxResponseBytes;
    private volatile RequestHook hook = RequestHook.PASS;

    public RecordingHttpClient(Duration requestTimeout, int maxResponseBytes) {
        this(requestTimeout, maxResponseBytes, null);
    }

    /**
     * With {@code tls} deciding which servers to trust (null: the JDK's default trust store), e.g.
     * one that trusts the workbench's own loopback certificate ({@link SelfSignedCertificate#trustingContext()}).
     */
    public RecordingHttpClient(Duration requestTimeout, int maxResponseBytes, javax.net.ssl.SSLContext tls) {
        this.requestTimeout = requestTimeout;
        this.maxResponseBytes = maxResponseBytes;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(requestTimeout);
        if (tls != null) builder.sslContext(tls);
        this.client = builder.build();
    }

    /** 10 s per request, 1 MiB per response: generous for metadata, small enough to refuse a flood. */
    public static RecordingHttpClient withDefaults() {
        return new RecordingHttpClient(Duration.ofSeconds(10), 1 << 20);
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** Sees (and may edit or cancel) every request before it is sent; {@link RequestHook#PASS} by default. */
    public void hook(RequestHook replacement) {
        this.hook = replacement == null ? RequestHook.PASS : replacement;
    }

    public RequestHook hook() {
        return hook;
    }

    /** Sends one request; never throws: a failure comes back as an exchange with {@code error} set. */
    public HttpExchange send(String method, URI uri, Map<String, List<String>> headers, String body,
                             Consumer<HttpExchange> sink) {
        RequestDraft draft;
        try {
            draft = hook.beforeSend(new RequestDraft(method, uri, headers, body), sink);
        } catch (RequestCancelledException e) {
            HttpExchange cancelled = failed(method, uri, headers, body, Instant.now(), System.nanoTime(), e.getMessage());
            sink.accept(cancelled);
            return cancelled;
        }
        // What the hook returned is what goes on the wire, and what the trace records.
        return sendReviewed(draft.method(), draft.uri(), draft.headers(), draft.body().isEmpty() ? null : draft.body(), sink);
    }

    /** Sends without asking the hook: for a request its owner has already reviewed. */
    public HttpExchange sendReviewed(String method, URI uri, Map<String, List<String>> headers, String body,
                                     Consumer<HttpExchange> sink) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        HttpExchange exchange;
        try {
            HttpRequest request = build(method, uri, headers, body);
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String text = unwantedStream(headers, response) ? skip(response.body()) : readWithin(response.body(), t0);
            exchange = new HttpExchange(method, uri, headers, body, response.statusCode(),
                    response.headers().map(), text, start, Duration.ofNanos(System.nanoTime() - t0), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange = failed(method, uri, headers, body, start, t0, "interrupted");
        } catch (java.net.http.HttpTimeoutException e) {
            exchange = failed(method, uri, headers, body, start, t0,
                    "no complete answer within " + requestTimeout.toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            exchange = failed(method, uri, headers, body, start, t0, describe(e));
        }
        sink.accept(exchange);
        return exchange;
    }

    /** A GET with an Accept header. */
    public HttpExchange get(URI uri, String accept, Consumer<HttpExchange> sink) {
        return send("GET", uri, Map.of("Accept", List.of(accept)), null, sink);
    }

    /** A Nimbus request sender that routes through this client and records into {@code sink}. */
    public HTTPRequestSender nimbusSender(Consumer<HttpExchange> sink) {
        return request -> toNimbus(sendNimbus(request, sink));
    }

    private HttpExchange sendNimbus(ReadOnlyHTTPRequest request, Consumer<HttpExchange> sink) throws IOException {
        HttpExchange exchange = send(request.getMethod().name(), request.getURI(), request.getHeaderMap(),
                request.getBody(), sink);
        if (!exchange.answered()) {
            throw new IOException(exchange.error());
        }
        return exchange;
    }

    private static ReadOnlyHTTPResponse toNimbus(HttpExchange exchange) {
        HTTPResponse response = new HTTPResponse(exchange.status());
        exchange.responseHeaders().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                response.setHeader(name, values.toArray(String[]::new));
            }
        });
        response.setContent(exchange.responseBody());
        return response;
    }

    private HttpRequest build(String method, URI uri, Map<String, List<String>> headers, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(requestTimeout);
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> builder.header(name, v));
                }
            });
        }
        HttpRequest.BodyPublisher publisher = body == null || body.isEmpty()
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return builder.method(method, publisher).build();
    }

    /** An event stream nobody asked for (a GET answered as if it opened an SSE stream) would never end. */
    private static boolean unwantedStream(Map<String, List<String>> requestHeaders, HttpResponse<?> response) {
        boolean stream = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT)
                .startsWith("text/event-stream");
        boolean asked = requestHeaders != null && requestHeaders.entrySet().stream()
                .anyMatch(e -> e.getKey().equalsIgnoreCase("Accept") && String.join(",", e.getValue()).contains("text/event-stream"));
        return stream && !asked;
    }

    private static String skip(InputStream in) throws IOException {
        in.close();
        return "";
    }

    /**
     * The JDK client's timeout ends when the headers arrive; a body that trickles forever is cut
     * here at the same limit, counted from the start of the request.
     */
    private String readWithin(InputStream in, long t0) throws IOException {
        long remaining = requestTimeout.toNanos() - (System.nanoTime() - t0);
        java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
        var deadline = DEADLINES.schedule(() -> {
            expired.set(true);
            try {
                in.close();
            } catch (IOException ignored) {
                // the reader sees the stream closed
            }
        }, Math.max(remaining, 0), java.util.concurrent.TimeUnit.NANOSECONDS);
        try {
            return readCapped(in);
        } catch (IOException e) {
            if (expired.get()) throw new java.net.http.HttpTimeoutException("the body did not end within the limit");
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    private static final java.util.concurrent.ScheduledExecutorService DEADLINES =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "http-body-deadline");
                t.setDaemon(true);
                return t;
            });

    private String readCapped(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(maxResponseBytes + 1);
            if (bytes.length > maxResponseBytes) {
                throw new IOException("response larger than " + maxResponseBytes + " bytes, refused");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static HttpExchange failed(String method, URI uri, Map<String, List<String>> headers, String body,
                                       Instant start, long t0, String error) {
        return new HttpExchange(method, uri, headers, body, 0, new LinkedHashMap<>(), "", start,
                Duration.ofNanos(System.nanoTime() - t0), error);
    }

    private static String describe(Exception e) {
        if (e instanceof InterruptedIOException) {
            return "timed out";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
