package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.connect.McpConnectionException.Kind;
import dev.mcpworkbench.inspector.traffic.HttpInfo;
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
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    static HttpRequest.Builder request(URI url, Map<String, String> headers, HttpAuthorization auth) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url);
        headers.forEach(builder::setHeader);
        auth.authorizationHeader().ifPresent(value -> builder.setHeader("Authorization", value));
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
