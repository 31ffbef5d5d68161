package dev.mcpworkbench.oauth.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.SecretMasker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flow as an HTTP Archive (HAR 1.2): every exchange of every step, in order, so a browser's
 * developer tools or any HAR viewer can replay what the workbench saw. Each entry's comment names
 * its step. Tokens, codes, secrets and credentials are masked unless {@code reveal}: a HAR file is
 * made to be shared.
 */
public final class FlowHar {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FlowHar() {
    }

    public static String render(FlowTrace trace, String creatorVersion, boolean reveal) {
        ObjectNode log = MAPPER.createObjectNode();
        ObjectNode root = log.putObject("log");
        root.put("version", "1.2");
        root.putObject("creator").put("name", "mcp-workbench").put("version", creatorVersion == null ? "dev" : creatorVersion);
        ArrayNode entries = root.putArray("entries");
        for (FlowStep step : trace.steps()) {
            for (HttpExchange exchange : step.exchanges()) {
                entries.add(entry(step, exchange, reveal));
            }
        }
        return log.toPrettyString();
    }

    private static ObjectNode entry(FlowStep step, HttpExchange x, boolean reveal) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("startedDateTime", x.startedAt().toString());
        long millis = x.elapsed() == null ? 0 : x.elapsed().toMillis();
        entry.put("time", millis);
        entry.put("comment", step.kind().title());
        entry.set("request", request(x, reveal));
        entry.set("response", response(x, reveal));
        entry.putObject("cache");
        entry.putObject("timings").put("send", 0).put("wait", millis).put("receive", 0);
        return entry;
    }

    private static ObjectNode request(HttpExchange x, boolean reveal) {
        ObjectNode request = MAPPER.createObjectNode();
        String url = reveal ? x.uri().toString() : SecretMasker.maskUrl(x.uri().toString());
        request.put("method", x.method());
        request.put("url", url);
        request.put("httpVersion", "HTTP/1.1");
        request.putArray("cookies");
        request.set("headers", headers(x.requestHeaders(), reveal));
        request.set("queryString", query(URI.create(url)));
        if (!x.requestBody().isEmpty()) {
            String type = first(x.requestHeaders(), "Content-Type").orElse("application/octet-stream");
            request.putObject("postData").put("mimeType", type)
                    .put("text", reveal ? x.requestBody() : SecretMasker.maskBody(x.requestBody()));
        }
        request.put("headersSize", -1);
        request.put("bodySize", x.requestBody().getBytes(StandardCharsets.UTF_8).length);
        return request;
    }

    private static ObjectNode response(HttpExchange x, boolean reveal) {
        ObjectNode response = MAPPER.createObjectNode();
        response.put("status", x.answered() ? x.status() : 0);
        response.put("statusText", x.answered() ? "" : "no response: " + x.error());
        response.put("httpVersion", "HTTP/1.1");
        response.putArray("cookies");
        response.set("headers", headers(x.responseHeaders(), reveal));
        String body = reveal ? x.responseBody() : SecretMasker.maskBody(x.responseBody());
        response.putObject("content").put("size", x.responseBody().getBytes(StandardCharsets.UTF_8).length)
                .put("mimeType", first(x.responseHeaders(), "Content-Type").orElse("")).put("text", body);
        response.put("redirectURL", first(x.responseHeaders(), "Location").orElse(""));
        response.put("headersSize", -1);
        response.put("bodySize", x.responseBody().getBytes(StandardCharsets.UTF_8).length);
        return response;
    }

    private static ArrayNode headers(Map<String, List<String>> headers, boolean reveal) {
        ArrayNode out = MAPPER.createArrayNode();
        headers.forEach((name, values) -> values.forEach(v -> out.addObject().put("name", name)
                .put("value", reveal ? v : SecretMasker.maskHeader(name, v))));
        return out;
    }

    private static ArrayNode query(URI url) {
        ArrayNode out = MAPPER.createArrayNode();
        String raw = url.getRawQuery();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.addObject().put("name", decode(name)).put("value", decode(value));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }
}
