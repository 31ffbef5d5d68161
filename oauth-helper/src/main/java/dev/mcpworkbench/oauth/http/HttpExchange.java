package dev.mcpworkbench.oauth.http;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request and its response (or the error that replaced it), exactly as sent and received.
 * The raw values are kept so the user can reveal them; {@link #render(boolean)} masks secrets by default.
 */
public record HttpExchange(
        String method,
        URI uri,
        Map<String, List<String>> requestHeaders,
        String requestBody,
        int status,
        Map<String, List<String>> responseHeaders,
        String responseBody,
        Instant startedAt,
        Duration elapsed,
        String error) {

    public HttpExchange {
        requestHeaders = copy(requestHeaders);
        responseHeaders = copy(responseHeaders);
        requestBody = requestBody == null ? "" : requestBody;
        responseBody = responseBody == null ? "" : responseBody;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> sorted.merge(k, List.copyOf(v), (a, b) -> {
                var all = new java.util.ArrayList<>(a);
                all.addAll(b);
                return List.copyOf(all);
            }));
        }
        return java.util.Collections.unmodifiableMap(sorted);
    }

    /** True when a response arrived (any status); false on a connection error or timeout. */
    public boolean answered() {
        return error == null;
    }

    /** All values of a response header, case-insensitively. */
    public List<String> responseHeaders(String name) {
        List<String> values = responseHeaders.get(name);
        return values == null ? List.of() : values;
    }

    /** The first value of a response header, case-insensitively. */
    public Optional<String> responseHeader(String name) {
        return responseHeaders(name).stream().findFirst();
    }

    /** A readable transcript; secrets (tokens, codes, client secrets) are masked unless {@code reveal}. */
    public String render(boolean reveal) {
        StringBuilder out = new StringBuilder();
        out.append(method).append(' ').append(reveal ? uri.toString() : SecretMasker.maskUrl(uri.toString())).append('\n');
        appendHeaders(out, requestHeaders, reveal);
        if (!requestBody.isEmpty()) {
            out.append('\n').append(reveal ? requestBody : SecretMasker.maskBody(requestBody)).append('\n');
        }
        out.append("--- ");
        if (error != null) {
            out.append("no response: ").append(error).append('\n');
            return out.toString();
        }
        out.append(status).append(" (").append(elapsed.toMillis()).append(" ms)\n");
        appendHeaders(out, responseHeaders, reveal);
        if (!responseBody.isEmpty()) {
            out.append('\n').append(reveal ? responseBody : SecretMasker.maskBody(responseBody)).append('\n');
        }
        return out.toString();
    }

    private static void appendHeaders(StringBuilder out, Map<String, List<String>> headers, boolean reveal) {
        headers.forEach((name, values) -> values.forEach(value -> out.append(name).append(": ")
                .append(reveal ? value : SecretMasker.maskHeader(name, value)).append('\n')));
    }

    @Override
    public String toString() {
        return method + " " + SecretMasker.maskUrl(uri.toString()) + " -> " + (error != null ? error : status);
    }
}
