package dev.mcpworkbench.inspector.traffic;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP side of an exchange: the request line and headers as sent, the response status and
 * headers as received. {@code status} is 0 when no response arrived (connection refused, timeout).
 * Header values are kept as sent; display and export code masks them with {@link SecretMasker}.
 */
public record HttpInfo(
        String method,
        String url,
        Map<String, List<String>> requestHeaders,
        int status,
        Map<String, List<String>> responseHeaders) {

    public HttpInfo {
        requestHeaders = copy(requestHeaders);
        responseHeaders = copy(responseHeaders);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) headers.forEach((k, v) -> sorted.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(sorted);
    }

    /** The first value of a response header (case-insensitive name), or "". */
    public String responseHeader(String name) {
        List<String> values = responseHeaders.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
