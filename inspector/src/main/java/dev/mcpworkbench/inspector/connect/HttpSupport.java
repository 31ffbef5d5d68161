package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.connect.McpConnectionException.Kind;
import dev.mcpworkbench.inspector.traffic.Direction;
import dev.mcpworkbench.inspector.traffic.HttpInfo;
import dev.mcpworkbench.inspector.traffic.TrafficLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the Streamable HTTP and SSE transports share: the client, auth, error wording, recording. */
final class HttpSupport {

    private HttpSupport() {
    }

    static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER) // followed by send(), same origin only
                .build();
    }

    static final int MAX_REDIRECTS = 5;

    /** A redirect the workbench will not follow; its message is one line naming where it pointed. */
    static final class RedirectRefused extends IOException {
        RedirectRefused(String message) {
            super(message);
        }
    }

    /**
     * Sends {@code request}, following redirects only within its origin ({@link Origins#same}):
     * the user's headers and credentials never go to a host the user did not name. A redirect to
     * another origin, a POST turned into a GET (301/302/303) or more than {@value #MAX_REDIRECTS}
     * hops end in {@link RedirectRefused}. Each hop is recorded.
     */
    static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                    TrafficLog traffic) throws IOException, InterruptedException {
        HttpRequest current = request;
        for (int hop = 0; ; hop++) {
            HttpResponse<T> response = client.send(current, handler);
            int status = response.statusCode();
            java.util.Optional<String> location = response.headers().firstValue("Location");
            if (!isRedirect(status) || location.isEmpty()) return response;
            discard(response.body());
            URI from = current.uri();
            URI to;
            try {
                to = from.resolve(location.get().strip());
            } catch (IllegalArgumentException e) {
                throw new RedirectRefused(from + " redirected (HTTP " + status + ") to an invalid URL: " + location.get());
            }
            traffic.recordHttp(Direction.SERVER_TO_CLIENT, info(current, response), "HTTP " + status + " redirect to " + to);
            if (!Origins.same(from, to)) {
                throw new RedirectRefused(from + " redirected (HTTP " + status + ") to " + to + ", another origin: not followed, "
                        + "so your headers and credentials stay with " + Origins.of(from) + " (use that URL directly if you trust it)");
            }
            if (status != 307 && status != 308 && !"GET".equals(current.method())) {
                throw new RedirectRefused(from + " redirected a " + current.method() + " (HTTP " + status + ") to " + to
                        + ", which would turn it into a GET: not followed");
            }
            if (hop >= MAX_REDIRECTS) {
                throw new RedirectRefused(from + " redirected more than " + MAX_REDIRECTS + " times (last to " + to + "): not followed");
            }
            current = HttpRequest.newBuilder(current, (name, value) -> true).uri(to).build();
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static void discard(Object body) {
        if (body instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException e) {
                // Only closing it.
            }
        }
    }

    /**
     * A request to {@code url} with the connection's headers and what the authorization hook adds for
     * this request; {@code method} is what the caller will send (a DPoP proof is made for it).
     */
    static HttpRequest.Builder request(String method, URI url, Map<String, String> headers, HttpAuthorization auth) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url);
        headers.forEach(builder::setHeader);
        auth.requestHeaders(method, url).forEach(builder::setHeader);
        return builder;
    }

    static HttpInfo info(HttpRequest request, HttpResponse<?> response) {
        return new HttpInfo(request.method(), request.uri().toString(), request.headers().map(),
                response == null ? 0 : response.statusCode(), response == null ? Map.of() : response.headers().map());
    }

    static HttpInfo requestOnly(HttpRequest request) {
        return new HttpInfo(request.method(), request.uri().toString(), request.headers().map(), 0, Map.of());
    }

    static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
    }

    /** A whole body as UTF-8 text, refusing one longer than {@code limit} bytes without reading it all. */
    static String readBounded(InputStream body, long limit) throws IOException {
        return new String(readBoundedBytes(body, limit), StandardCharsets.UTF_8);
    }

    /** The body's bytes, refused past {@code limit}; what the traffic log keeps, not decoded. */
    static byte[] readBoundedBytes(InputStream body, long limit) throws IOException {
        return readBoundedBytes(body, limit, -1);
    }

    /**
     * As {@link #readBoundedBytes(InputStream, long)}; a body whose length was declared
     * ({@code Content-Length}, -1 when not) is read straight into an array of that size. Read in
     * pieces, a 100 MB answer left 100 MB of them behind as garbage at once.
     */
    static byte[] readBoundedBytes(InputStream body, long limit, long declared) throws IOException {
        if (declared > limit) throw new MessageTooLargeException("an HTTP body", limit);
        if (declared < 0) return readUndeclared(body, limit);
        byte[] bytes = new byte[(int) declared];
        int read = body.readNBytes(bytes, 0, bytes.length);
        if (read < bytes.length) {
            throw new IOException("the body ended after " + read + " of the " + declared + " bytes its Content-Length declared");
        }
        return bytes;
    }

    /**
     * A body of unknown length (chunked), gathered as a long line is ({@link LineBytes}): past 16 MB
     * through a temporary file, so that its pieces and its array are not in memory at once.
     */
    private static byte[] readUndeclared(InputStream body, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (LineBytes bytes = new LineBytes()) {
            for (int n; (n = body.read(buffer)) >= 0; ) {
                if (bytes.size() + n > limit) throw new MessageTooLargeException("an HTTP body", limit);
                bytes.write(buffer, 0, n);
            }
            return bytes.toArray();
        }
    }

    /** The length a response declares ({@code Content-Length}), or -1. */
    static long declaredLength(HttpResponse<?> response) {
        return response.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    /** The first bytes of a body, as one line, for error messages. */
    static String peek(InputStream body) {
        try (body) {
            byte[] bytes = body.readNBytes(400);
            String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
            return text.length() > 160 ? text.substring(0, 160) + "…" : text;
        } catch (IOException e) {
            return "";
        }
    }

    static McpConnectionException unreachable(URI url, IOException e) {
        if (e instanceof RedirectRefused) {
            return new McpConnectionException(Kind.HTTP_ERROR, e.getMessage(), e);
        }
        if (e instanceof HttpConnectTimeoutException) {
            return new McpConnectionException(Kind.TIMEOUT, "Cannot connect to " + url + ": connection timed out", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new McpConnectionException(Kind.TIMEOUT, "No answer from " + url + ": timed out", e);
        }
        if (e instanceof ConnectException) {
            return new McpConnectionException(Kind.UNREACHABLE, "Cannot connect to " + url + ": connection refused", e);
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new McpConnectionException(Kind.UNREACHABLE, "Cannot reach " + url + ": " + why, e);
    }

    static McpConnectionException statusError(URI url, int status, String bodyStart, boolean firstRequest) {
        String tail = bodyStart.isEmpty() ? "" : ": " + bodyStart;
        if (status == 401 || status == 403) {
            return new McpConnectionException(Kind.UNAUTHORIZED, url + " requires authorization (HTTP " + status + ")" + tail);
        }
        if (firstRequest && (status == 404 || status == 405 || status == 406 || status == 415)) {
            return new McpConnectionException(Kind.NOT_MCP, url + " is not an MCP endpoint (HTTP " + status + ")" + tail);
        }
        if (status == 404) {
            return new McpConnectionException(Kind.CLOSED, url + " ended the session (HTTP 404)" + tail);
        }
        return new McpConnectionException(Kind.HTTP_ERROR, url + " answered HTTP " + status + tail);
    }

    static McpConnectionException notMcp(URI url, String contentType, String bodyStart) {
        String what = contentType.isEmpty() ? "no content type" : contentType;
        return new McpConnectionException(Kind.NOT_MCP, url + " answered with " + what + ", not MCP JSON-RPC"
                + (bodyStart.isEmpty() ? "" : ": " + bodyStart) + " (is this the MCP endpoint?)");
    }

    static boolean isRequest(JsonNode message) {
        return message.path("method").isTextual() && message.has("id");
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
