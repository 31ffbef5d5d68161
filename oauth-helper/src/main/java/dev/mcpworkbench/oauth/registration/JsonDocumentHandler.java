package dev.mcpworkbench.oauth.registration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers GET on one path with a JSON document that can be replaced while serving (404 on other
 * paths, 405 for other methods), and counts the fetches: how a test or a user sees that an
 * authorization server really read a client metadata document.
 */
final class JsonDocumentHandler implements HttpHandler {

    private final String path;
    private final String cacheControl;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile byte[] document = new byte[0];

    JsonDocumentHandler(String path, String cacheControl) {
        this.path = path;
        this.cacheControl = cacheControl;
    }

    void serve(String json) {
        document = json.getBytes(StandardCharsets.UTF_8);
    }

    String document() {
        return new String(document, StandardCharsets.UTF_8);
    }

    int fetchCount() {
        return fetches.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getRawPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            fetches.incrementAndGet();
            byte[] body = document;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", cacheControl);
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
        }
    }
}
