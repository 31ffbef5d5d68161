package dev.mcpworkbench.lab.auth;

import com.sun.net.httpserver.HttpExchange;
import dev.mcpworkbench.lab.server.HttpResponses;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Query strings and form bodies as ordered maps (a repeated parameter keeps its first value). */
final class Forms {

    private static final int MAX_FORM_BYTES = 64 * 1024;

    private Forms() {
    }

    static Map<String, String> parse(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(key, value);
        }
        return params;
    }

    static Map<String, String> query(HttpExchange exchange) {
        return parse(exchange.getRequestURI().getRawQuery());
    }

    static Map<String, String> body(HttpExchange exchange) throws IOException {
        byte[] bytes = HttpResponses.readBody(exchange, MAX_FORM_BYTES);
        return bytes == null ? Map.of() : parse(new String(bytes, StandardCharsets.UTF_8));
    }

    static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
