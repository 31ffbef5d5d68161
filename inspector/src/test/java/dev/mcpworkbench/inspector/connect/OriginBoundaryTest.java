package dev.mcpworkbench.inspector.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile servers that point the client at another origin, by redirect or by a legacy SSE
 * endpoint event: nothing, least of all the user's headers, may reach that other origin.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OriginBoundaryTest {

    private static final ConnectOptions QUICK = ConnectOptions.defaults()
            .withConnectTimeout(Duration.ofSeconds(5)).withRequestTimeout(Duration.ofSeconds(5));
    private static final Map<String, String> SECRET_HEADERS = Map.of("X-Api-Key", "sk-live-the-users-key");

    /** The other origin: records whatever reaches it, answers like a working MCP server. */
    private static ScriptedHttpServer collector() throws IOException {
        return new ScriptedHttpServer(OriginBoundaryTest::answerLikeMcp);
    }

    private static void answerLikeMcp(HttpExchange exchange, JsonNode body) throws IOException {
        if (body == null || !body.has("id")) {
            ScriptedHttpServer.status(exchange, 202);
        } else if ("initialize".equals(body.path("method").asText())) {
            ScriptedHttpServer.json(exchange, ScriptedHttpServer.result(body,
                    "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"other\",\"version\":\"1\"}}"));
        } else {
            ScriptedHttpServer.json(exchange, ScriptedHttpServer.result(body, "{\"tools\":[{\"name\":\"the_other_servers_tool\",\"inputSchema\":{\"type\":\"object\"}}]}"));
        }
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
    }

    @Test
    void redirectToAnotherOriginIsRefusedNamingWhereItPointed() throws Exception {
        for (int status : new int[] {302, 307, 308}) {
            try (ScriptedHttpServer other = collector();
                 ScriptedHttpServer hostile = new ScriptedHttpServer((exchange, body) -> redirect(exchange, status, other.url().toString()))) {
                McpConnectionException e = assertThrows(McpConnectionException.class,
                        () -> McpConnection.open(new ServerTarget.StreamableHttp(hostile.url(), SECRET_HEADERS), QUICK));
                assertThat(e.getMessage()).contains(other.url().toString()).contains("another origin").doesNotContain("\n");
                assertThat(other.received).as("requests that reached the other origin after HTTP " + status).isEmpty();
            }
        }
    }

    @Test
    void redirectWithinTheOriginIsFollowed() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((exchange, body) -> {
            if (exchange.getRequestURI().getPath().equals("/mcp/old")) redirect(exchange, 307, "/mcp/new");
            else answerLikeMcp(exchange, body);
        })) {
            URI old = URI.create(server.url() + "/old");
            try (McpConnection connection = McpConnection.open(new ServerTarget.StreamableHttp(old, SECRET_HEADERS), QUICK)) {
                assertThat(connection.listTools()).extracting(t -> t.path("name").asText()).containsExactly("the_other_servers_tool");
            }
            assertThat(server.received).anyMatch(r -> "sk-live-the-users-key".equals(r.header("X-Api-Key")));
        }
    }

    @Test
    void sseStreamRedirectedToAnotherOriginIsRefused() throws Exception {
        try (ScriptedHttpServer other = collector();
             ScriptedHttpServer hostile = new ScriptedHttpServer((exchange, body) -> redirect(exchange, 302, other.url().toString()))) {
            McpConnectionException e = assertThrows(McpConnectionException.class,
                    () -> McpConnection.open(new ServerTarget.Sse(hostile.url(), SECRET_HEADERS), QUICK));
            assertThat(e.getMessage()).contains(other.url().toString()).contains("another origin");
            assertThat(other.received).isEmpty();
        }
    }

    @Test
    void sseEndpointEventNamingAnotherOriginIsRefused() throws Exception {
        try (ScriptedHttpServer other = collector(); SseServer hostile = new SseServer("event: endpoint\ndata: " + other.url() + "\n\n")) {
            McpConnectionException e = assertThrows(McpConnectionException.class,
                    () -> McpConnection.open(new ServerTarget.Sse(hostile.url(), SECRET_HEADERS), QUICK));
            assertThat(e.getMessage()).contains(other.url().toString()).contains("another origin").doesNotContain("\n");
            assertThat(other.received).isEmpty();
        }
    }

    @Test
    void sameOriginChecksSchemeHostAndDefaultPort() {
        assertThat(Origins.same(URI.create("http://a.test/x"), URI.create("HTTP://A.test:80/y"))).isTrue();
        assertThat(Origins.same(URI.create("https://a.test/x"), URI.create("http://a.test/x"))).isFalse();
        assertThat(Origins.same(URI.create("http://a.test/x"), URI.create("http://a.test:8080/x"))).isFalse();
        assertThat(Origins.same(URI.create("http://a.test/x"), URI.create("http://a.test.evil/x"))).isFalse();
        assertThat(Origins.same(URI.create("http://a.test/x"), URI.create("http://user@b.test/x"))).isFalse();
    }

    /** A legacy SSE endpoint that sends {@code events} and keeps the stream open; it records the requests it got. */
    static final class SseServer implements AutoCloseable {
        final List<String> received = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        SseServer(String events) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/sse", exchange -> {
                received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                out.write(events.getBytes(StandardCharsets.UTF_8));
                out.flush();
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sse");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
