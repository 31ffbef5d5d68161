package dev.mcpworkbench.inspector.connect;

import static dev.mcpworkbench.inspector.connect.ScriptedHttpServer.events;
import static dev.mcpworkbench.inspector.connect.ScriptedHttpServer.json;
import static dev.mcpworkbench.inspector.connect.ScriptedHttpServer.result;
import static dev.mcpworkbench.inspector.connect.ScriptedHttpServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.mcpworkbench.inspector.connect.McpConnectionException.Kind;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SEP-1699: a POST's event stream that the server closes before the answer is resumed with a GET
 * carrying Last-Event-ID, after the server's retry delay; what the resumed stream carries is what
 * the caller gets and what the traffic shows.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamResumptionTest {

    private static final ConnectOptions QUICK = ConnectOptions.defaults()
            .withConnectTimeout(Duration.ofSeconds(5)).withRequestTimeout(Duration.ofSeconds(10));
    private static final String ANSWER = "{\"content\":[{\"type\":\"text\",\"text\":\"resumed\"}],\"extra\":{\"kept\":true}}";

    /** initialize answered as JSON, notifications accepted, the standalone GET refused. */
    private static boolean lifecycle(HttpExchange exchange, JsonNode body) throws IOException {
        if (body == null && !"GET".equals(exchange.getRequestMethod())) {
            status(exchange, 200);
            return true;
        }
        if (body != null && "initialize".equals(body.path("method").asText())) {
            exchange.getResponseHeaders().set("Mcp-Session-Id", "s-1");
            json(exchange, result(body, "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":{}},"
                    + "\"serverInfo\":{\"name\":\"resumer\",\"version\":\"1\"}}"));
            return true;
        }
        if (body != null && !body.has("id")) {
            status(exchange, 202);
            return true;
        }
        return false;
    }

    @Test
    void aStreamClosedBeforeTheAnswerIsResumedFromTheLastEventId() throws Exception {
        JsonNode[] call = new JsonNode[1];
        try (ScriptedHttpServer server = new ScriptedHttpServer((exchange, body) -> {
            if (lifecycle(exchange, body)) return;
            String lastId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
            if (body != null) {
                call[0] = body;
                // a priming event with an id and a retry delay, then the stream ends without the answer
                events(exchange, "id: evt-1\nretry: 50\ndata: \n\n");
            } else if ("evt-1".equals(lastId) && call[0] != null) {
                events(exchange, "id: evt-2\ndata: " + result(call[0], ANSWER) + "\n\n");
            } else {
                status(exchange, 405);
            }
        }); McpConnection connection = McpConnection.open(new ServerTarget.StreamableHttp(server.url(), Map.of()), QUICK)) {
            JsonNode answer = connection.callTool("slow", null, RequestOptions.DEFAULT).await();

            assertThat(answer).isEqualTo(ScriptedHttpServer.JSON.readTree(ANSWER));
            assertThat(server.gets()).extracting(ScriptedHttpServer.Received::lastEventId).contains("evt-1");
            assertThat(connection.traffic().entries()).anySatisfy(e -> {
                assertThat(e.isResponse()).isTrue();
                assertThat(e.text()).isEqualTo(result(call[0], ANSWER));
                assertThat(e.http().method()).isEqualTo("GET");
            });
        }
    }

    @Test
    void aStreamThatCannotBeResumedFailsTheRequestAfterOneRefusedAttempt() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((exchange, body) -> {
            if (lifecycle(exchange, body)) return;
            if (body != null) events(exchange, "id: only\nretry: 10\ndata: \n\n");
            else status(exchange, 405);
        }); McpConnection connection = McpConnection.open(new ServerTarget.StreamableHttp(server.url(), Map.of()), QUICK)) {
            McpConnectionException e = assertThrows(McpConnectionException.class,
                    () -> connection.callTool("slow", null, RequestOptions.DEFAULT).await());

            assertThat(e.kind()).isEqualTo(Kind.CLOSED);
            assertThat(e.getMessage()).contains("without answering tools/call");
            assertThat(server.gets()).extracting(ScriptedHttpServer.Received::lastEventId).contains("only");
        }
    }

    @Test
    void resumingIsBounded() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((exchange, body) -> {
            if (lifecycle(exchange, body)) return;
            String lastId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
            if (body != null || lastId != null) events(exchange, "id: again\nretry: 1\ndata: \n\n");
            else status(exchange, 405);
        }); McpConnection connection = McpConnection.open(new ServerTarget.StreamableHttp(server.url(), Map.of()), QUICK)) {
            assertThrows(McpConnectionException.class, () -> connection.callTool("slow", null, RequestOptions.DEFAULT).await());

            assertThat(server.gets().stream().filter(g -> "again".equals(g.lastEventId())).count())
                    .isEqualTo(StreamableHttpTransport.MAX_RESUMES);
        }
    }
}
