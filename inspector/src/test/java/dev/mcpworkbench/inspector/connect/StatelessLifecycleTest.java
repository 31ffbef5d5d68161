package dev.mcpworkbench.inspector.connect;

import static dev.mcpworkbench.inspector.connect.ScriptedHttpServer.json;
import static dev.mcpworkbench.inspector.connect.ScriptedHttpServer.result;
import static dev.mcpworkbench.inspector.connect.ScriptedHttpServer.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stateless lifecycle (2026-07-28): server/discover instead of initialize, the version header
 * from the first request on, and the version, capabilities and client in every request's _meta;
 * the server is a strict loopback stand-in that refuses requests lacking any of them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatelessLifecycleTest {

    private static final String VERSION = "2026-07-28";
    private static final String DISCOVER = "{\"supportedVersions\":[\"2026-07-28\"],\"capabilities\":{\"tools\":{}},"
            + "\"instructions\":\"be kind\",\"_meta\":{\"io.modelcontextprotocol/serverInfo\":{\"name\":\"stateless\",\"version\":\"9\"}}}";

    @Test
    void discoversInsteadOfInitializingAndNamesTheVersionOnEveryRequest() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer((exchange, body) -> {
            if (body == null) {
                status(exchange, 405);
                return;
            }
            var meta = body.path("params").path("_meta");
            boolean complete = VERSION.equals(exchange.getRequestHeaders().getFirst("MCP-Protocol-Version"))
                    && VERSION.equals(meta.path("io.modelcontextprotocol/protocolVersion").asText())
                    && meta.path("io.modelcontextprotocol/clientCapabilities").isObject()
                    && meta.path("io.modelcontextprotocol/clientInfo").path("name").isTextual();
            if (!complete) {
                status(exchange, 400);
                return;
            }
            switch (body.path("method").asText()) {
                case "server/discover" -> json(exchange, result(body, DISCOVER));
                case "tools/list" -> json(exchange, result(body, "{\"tools\":[{\"name\":\"t\",\"inputSchema\":{\"type\":\"object\"}}]}"));
                default -> status(exchange, 400);
            }
        }); McpConnection connection = McpConnection.open(new ServerTarget.StreamableHttp(server.url(), Map.of()),
                ConnectOptions.defaults().withProtocolVersion(VERSION).withConnectTimeout(Duration.ofSeconds(5)))) {
            ServerSnapshot snapshot = connection.snapshot();

            assertThat(server.posts("initialize")).isEmpty();
            assertThat(server.posts("notifications/initialized")).isEmpty();
            assertThat(server.posts("server/discover")).hasSize(1);
            assertThat(connection.initializeResult().path("protocolVersion").asText()).isEqualTo(VERSION);
            assertThat(connection.initializeResult().path("serverInfo").path("name").asText()).isEqualTo("stateless");
            assertThat(connection.initializeResult().path("instructions").asText()).isEqualTo("be kind");
            assertThat(connection.discoverResult()).get().isEqualTo(ScriptedHttpServer.JSON.readTree(DISCOVER));
            assertThat(snapshot.tools()).extracting(t -> t.path("name").asText()).containsExactly("t");
            assertThat(snapshot.serverName()).isEqualTo("stateless");
        }
    }

    @Test
    void earlierRevisionsStillInitialize() {
        assertThat(ConnectOptions.defaults().statelessLifecycle()).isFalse();
        assertThat(ConnectOptions.defaults().withProtocolVersion("2025-06-18").statelessLifecycle()).isFalse();
        assertThat(ConnectOptions.defaults().withProtocolVersion(VERSION).statelessLifecycle()).isTrue();
    }
}
