package dev.mcpworkbench.oauth.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request about to be sent, as an interceptor sees it and may change it: method, URL (with its
 * query), headers and body. What an interceptor returns is what goes on the wire and into the trace.
 */
public record RequestDraft(String method, URI uri, Map<String, List<String>> headers, String body) {

    public RequestDraft {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (headers != null) headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
    }

    public RequestDraft withUri(URI changed) {
        return new RequestDraft(method, changed, headers, body);
    }

    public RequestDraft withBody(String changed) {
        return new RequestDraft(method, uri, headers, changed);
    }

    /** The first value of a header, case-insensitively, or "". */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
    }
}
