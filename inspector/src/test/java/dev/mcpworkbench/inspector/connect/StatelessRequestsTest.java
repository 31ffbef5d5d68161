package dev.mcpworkbench.inspector.connect;

import static dev.mcpworkbench.inspector.connect.ScriptedHttpServer.JSON;
import static dev.mcpworkbench.inspector.connect.ScriptedHttpServer.json;
import static dev.mcpworkbench.inspector.connect.ScriptedHttpServer.result;
import static dev.mcpworkbench.inspector.connect.ScriptedHttpServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What requests carry from 2026-07-28 on, against a loopback server: the standard Mcp-Method and
 * Mcp-Name headers, a tool's custom Mcp-Param headers (and the refusal to call a tool whose
 * declarations are invalid), multi-round requests with opaque request state, a retry after an
 * unsupported-version error, and schemas returned exactly as sent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatelessRequestsTest {

    private static final String VERSION = "2026-07-28";
    private static final String DISCOVER = "{\"supportedVersions\":[\"2026-07-28\"],\"capabilities\":{\"tools\":{}}}";
    private static final String TOOLS = """
            {"tools":[
              {"name":"route","inputSchema":{"type":"object","properties":{
                "region":{"type":"string","x-mcp-header":"Region"},
                "priority":{"type":"integer","x-mcp-header":"Priority"},
                "verbose":{"type":"boolean","x-mcp-header":"Verbose"},
                "label":{"type":"string","x-mcp-header":"Label"},
                "query":{"type":"string"},
                "shape":{"$ref":"https://example.invalid/shape.json"}}}},
              {"name":"bad","inputSchema":{"type":"object","properties":{
                "score":{"type":"number","x-mcp-header":"Score"}}}},
              {"name":"twice","inputSchema":{"type":"object","properties":{
                "a":{"type":"string","x-mcp-header":"Field"},"b":{"type":"string","x-mcp-header":"field"}}}}
            ]}""";

    private static McpConnection open(ScriptedHttpServer server) throws McpConnectionException {
        return McpConnection.open(new ServerTarget.StreamableHttp(server.url(), Map.of()),
                ConnectOptions.defaults().withProtocolVersion(VERSION).withConnectTimeout(Duration.ofSeconds(5))
                        .withRequestTimeout(Duration.ofSeconds(10)));
    }

    private static ScriptedHttpServer toolServer() throws java.io.IOException {
        return new ScriptedHttpServer((exchange, body) -> {
            if (body == null) {
                status(exchange, 405);
                return;
            }
            switch (body.path("method").asText()) {
                case "server/discover" -> json(exchange, result(body, DISCOVER));
                case "tools/list" -> json(exchange, result(body, TOOLS));
                case "tools/call" -> json(exchange, result(body, "{\"content\":[]}"));
                default -> status(exchange, 202);
            }
        });
    }

    @Test
    void everyPostNamesItsMethodAndACallNamesItsTarget() throws Exception {
        try (ScriptedHttpServer server = toolServer(); McpConnection connection = open(server)) {
            connection.listTools();
            connection.callTool("route", JSON.readTree("{\"region\":\"eu\",\"priority\":1,\"query\":\"q\"}"), RequestOptions.DEFAULT).await();

            assertThat(server.posts("server/discover").getFirst().header("Mcp-Method")).isEqualTo("server/discover");
            assertThat(server.posts("tools/list").getFirst().header("Mcp-Method")).isEqualTo("tools/list");
            assertThat(server.posts("tools/list").getFirst().header("Mcp-Name")).isNull();
            assertThat(server.posts("tools/call").getFirst().header("Mcp-Method")).isEqualTo("tools/call");
            assertThat(server.posts("tools/call").getFirst().header("Mcp-Name")).isEqualTo("route");
        }
    }

    @Test
    void declaredArgumentsBecomeParamHeadersEncodedWhenHttpCannotCarryThem() throws Exception {
        try (ScriptedHttpServer server = toolServer(); McpConnection connection = open(server)) {
            connection.listTools();
            JsonNode args = JSON.readTree("{\"region\":\"us west 1\",\"priority\":42,\"verbose\":null,\"label\":\" Grüße\\n\",\"query\":\"SELECT 1\"}");
            connection.callTool("route", args, RequestOptions.DEFAULT).await();

            ScriptedHttpServer.Received call = server.posts("tools/call").getFirst();
            assertThat(call.header("Mcp-Param-Region")).isEqualTo("us west 1");
            assertThat(call.header("Mcp-Param-Priority")).isEqualTo("42");
            assertThat(call.header("Mcp-Param-Verbose")).as("null arguments are omitted").isNull();
            assertThat(call.header("Mcp-Param-Query")).as("undeclared").isNull();
            String label = call.header("Mcp-Param-Label");
            assertThat(label).startsWith("=?base64?").endsWith("?=");
            assertThat(new String(Base64.getDecoder().decode(label.substring(9, label.length() - 2)), StandardCharsets.UTF_8))
                    .isEqualTo(" Grüße\n");
            assertThat(call.body().path("params").path("arguments")).isEqualTo(args);
        }
    }

    @Test
    void aToolWithInvalidHeaderDeclarationsIsListedAsSentButNotCalled() throws Exception {
        try (ScriptedHttpServer server = toolServer(); McpConnection connection = open(server)) {
            List<JsonNode> tools = connection.listTools();

            assertThat(tools).extracting(t -> t.path("name").asText()).containsExactly("route", "bad", "twice");
            assertThat(tools.getFirst().path("inputSchema").path("properties").path("shape").path("$ref").asText())
                    .as("$ref kept as sent").isEqualTo("https://example.invalid/shape.json");
            assertThat((JsonNode) JSON.valueToTree(tools)).isEqualTo(JSON.readTree(TOOLS).get("tools"));
            assertThatThrownBy(() -> connection.callTool("bad", JSON.readTree("{\"score\":1.5}"), RequestOptions.DEFAULT).await())
                    .isInstanceOf(McpConnectionException.class).hasMessageContaining("'bad'").hasMessageContaining("Score");
            assertThatThrownBy(() -> connection.callTool("twice", JSON.readTree("{}"), RequestOptions.DEFAULT).await())
                    .hasMessageContaining("declared twice");
            assertThat(server.posts("tools/call")).isEmpty();
        }
    }

    @Test
    void inputRequiredIsAnsweredAndTheRequestSentAgainWithTheStateUnchanged() throws Exception {
        String state = "{\"opaque\": [1, 2], \"n\":\"x\"}";
        try (ScriptedHttpServer server = new ScriptedHttpServer((exchange, body) -> {
            switch (body.path("method").asText()) {
                case "server/discover" -> json(exchange, result(body, DISCOVER));
                case "tools/call" -> {
                    if (!body.path("params").has("inputResponses")) {
                        json(exchange, result(body, "{\"resultType\":\"input_required\",\"inputRequests\":{\"confirm\":"
                                + "{\"method\":\"elicitation/create\",\"params\":{\"message\":\"ok?\",\"requestedSchema\":{\"type\":\"object\"}}}},"
                                + "\"requestState\":" + JSON.writeValueAsString(state) + "}"));
                    } else {
                        json(exchange, result(body, "{\"content\":[{\"type\":\"text\",\"text\":\"done\"}]}"));
                    }
                }
                default -> status(exchange, 400);
            }
        }); McpConnection connection = open(server)) {
            PendingRequest call = connection.callTool("confirming", JSON.readTree("{\"x\":1}"), RequestOptions.DEFAULT);
            JsonNode result = call.await();

            assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("done");
            List<ScriptedHttpServer.Received> calls = server.posts("tools/call");
            assertThat(calls).hasSize(2);
            JsonNode retry = calls.get(1).body();
            assertThat(retry.get("id")).isNotEqualTo(calls.get(0).body().get("id"));
            assertThat(call.id().asLong()).isEqualTo(retry.get("id").asLong());
            assertThat(retry.path("params").path("requestState").asText()).isEqualTo(state);
            assertThat(retry.path("params").path("inputResponses").path("confirm").path("action").asText()).isEqualTo("decline");
            assertThat(retry.path("params").path("arguments")).isEqualTo(JSON.readTree("{\"x\":1}"));
            assertThat(calls.get(0).body().path("params").has("requestState")).isFalse();
        }
    }

    @Test
    void withoutRequestStateTheRetryCarriesNoneAndAResultWithoutResultTypeIsComplete() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((exchange, body) -> {
            switch (body.path("method").asText()) {
                case "server/discover" -> json(exchange, result(body, DISCOVER));
                case "tools/call" -> json(exchange, result(body, body.path("params").has("inputResponses")
                        ? "{\"content\":[]}"
                        : "{\"resultType\":\"input_required\",\"inputRequests\":{\"r\":{\"method\":\"roots/list\"}}}"));
                case "prompts/get" -> json(exchange, result(body, "{\"messages\":[]}"));
                default -> status(exchange, 400);
            }
        }); McpConnection connection = open(server)) {
            connection.callTool("t", null, RequestOptions.DEFAULT).await();
            connection.getPrompt("p", Map.of());

            assertThat(server.posts("tools/call")).hasSize(2);
            assertThat(server.posts("tools/call").get(1).body().path("params").has("requestState")).isFalse();
            assertThat(server.posts("tools/call").get(1).body().path("params").path("inputResponses").path("r").path("roots").isArray()).isTrue();
            assertThat(server.posts("prompts/get")).hasSize(1);
            assertThat(server.posts("prompts/get").getFirst().header("Mcp-Name")).isEqualTo("p");
        }
    }

    @Test
    void anUnsupportedVersionErrorListingTheVersionIsTriedOnceMore() throws Exception {
        AtomicBoolean refused = new AtomicBoolean();
        try (ScriptedHttpServer server = new ScriptedHttpServer((exchange, body) -> {
            if (refused.compareAndSet(false, true)) {
                json(exchange, 400, "{\"jsonrpc\":\"2.0\",\"id\":" + body.get("id") + ",\"error\":{\"code\":-32022,"
                        + "\"message\":\"Unsupported protocol version\",\"data\":{\"supported\":[\"2026-07-28\"],\"requested\":\"x\"}}}");
                return;
            }
            json(exchange, result(body, DISCOVER));
        }); McpConnection connection = open(server)) {
            assertThat(server.posts("server/discover")).hasSize(2);
            assertThat(server.posts("server/discover")).allSatisfy(r -> assertThat(r.protocolVersion()).isEqualTo(VERSION));
            assertThat(connection.initializeResult().path("protocolVersion").asText()).isEqualTo(VERSION);
        }
    }

    @Test
    void aJsonRpcErrorWithAnHttpErrorStatusReachesTheCallerWithItsCode() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((exchange, body) -> {
            if ("server/discover".equals(body.path("method").asText())) {
                json(exchange, result(body, DISCOVER));
            } else {
                json(exchange, 404, "{\"jsonrpc\":\"2.0\",\"id\":" + body.get("id") + ",\"error\":{\"code\":-32601,\"message\":\"no such method\"}}");
            }
        }); McpConnection connection = open(server)) {
            assertThatThrownBy(() -> connection.request("nope/never", null))
                    .isInstanceOfSatisfying(McpRemoteException.class, e -> assertThat(e.code()).isEqualTo(-32601));
            assertThat(connection.isOpen()).isTrue();
        }
    }
}
