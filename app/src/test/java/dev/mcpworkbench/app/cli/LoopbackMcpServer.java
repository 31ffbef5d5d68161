package dev.mcpworkbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.BiFunction;

/**
 * A Streamable HTTP server on loopback whose every request gets {@code answer(method, params)} as
 * its result (notifications get 202): the CLI tests' hostile or oversized server, answer by answer.
 */
final class LoopbackMcpServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;

    private LoopbackMcpServer(HttpServer server) {
        this.server = server;
    }

    static LoopbackMcpServer start(BiFunction<String, JsonNode, JsonNode> answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mcp", exchange -> {
            try (exchange) {
                byte[] bytes = exchange.getRequestBody().readAllBytes();
                JsonNode request = bytes.length == 0 ? null : JSON.readTree(bytes);
                if (request == null || !request.has("id")) {
                    exchange.sendResponseHeaders(request == null ? 405 : 202, -1);
                    return;
                }
                ObjectNode reply = JSON.createObjectNode().put("jsonrpc", "2.0");
                reply.set("id", request.get("id"));
                reply.set("result", answer.apply(request.path("method").asText(), request.path("params")));
                byte[] body = JSON.writeValueAsBytes(reply);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return new LoopbackMcpServer(server);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
