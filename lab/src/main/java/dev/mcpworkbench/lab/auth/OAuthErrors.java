package dev.mcpworkbench.lab.auth;

import com.sun.net.httpserver.HttpExchange;
import dev.mcpworkbench.lab.server.HttpResponses;
import dev.mcpworkbench.lab.server.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** OAuth error responses (RFC 6749 section 5.2) as JSON, never cached. */
final class OAuthErrors {

    private OAuthErrors() {
    }

    static void json(HttpExchange exchange, int status, String error, String description) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        HttpResponses.json(exchange, status, Json.write(body));
    }
}
