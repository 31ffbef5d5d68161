package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small Streamable HTTP server on loopback whose answers a test writes by hand, for the
 * behaviours the lab's servers do not show (a stream closed early, the stateless lifecycle).
 * It records every request it received.
 */
final class ScriptedHttpServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received: method, selected headers, parsed body (null for GET/DELETE), all headers. */
    record Received(String httpMethod, String protocolVersion, String lastEventId, JsonNode body,
                    com.sun.net.httpserver.Headers headers) {
        /** A header's first value, or null. */
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    interface Handler {
        void handle(HttpExchange exchange, JsonNode body) throws IOException;
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    ScriptedHttpServer(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mcp", exchange -> {
            try (exchange) {
                byte[] bytes = exchange.getRequestBody().readAllBytes();
                JsonNode body = bytes.length == 0 ? null : JSON.readTree(bytes);
                received.add(new Received(exchange.getRequestMethod(),
                        exchange.getRequestHeaders().getFirst("MCP-Protocol-Version"),
                        exchange.getRequestHeaders().getFirst("Last-Event-ID"), body, new com.sun.net.httpserver.Headers(exchange.getRequestHeaders())));
                handler.handle(exchange, body);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp");
    }

    List<Received> posts(String method) {
        return received.stream().filter(r -> r.body() != null && method.equals(r.body().path("method").asText())).toList();
    }

    List<Received> gets() {
        return received.stream().filter(r -> r.httpMethod().equals("GET")).toList();
    }

    static void json(HttpExchange exchange, String text) throws IOException {
        send(exchange, "application/json", text);
    }

    static void events(HttpExchange exchange, String stream) throws IOException {
        send(exchange, "text/event-stream", stream);
    }

    static void status(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    /** A JSON body with another status than 200 (the JSON-RPC errors of 2026-07-28 come with 4xx). */
    static void json(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, "application/json", text, status);
    }

    private static void send(HttpExchange exchange, String contentType, String text) throws IOException {
        send(exchange, contentType, text, 200);
    }

    private static void send(HttpExchange exchange, String contentType, String text, int status) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String result(JsonNode request, String resultJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"result\":" + resultJson + "}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
