package dev.mcpworkbench.inspector.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.traffic.Direction;
import dev.mcpworkbench.inspector.traffic.EntryKind;
import dev.mcpworkbench.inspector.traffic.SecretMasker;
import dev.mcpworkbench.inspector.traffic.TrafficEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HttpConnectionTest {

    static Process server;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        port = EverythingServer.freePort();
        server = EverythingServer.startHttp("streamableHttp", port);
    }

    @AfterAll
    static void stop() {
        if (server != null) ProcessTree.kill(server.toHandle());
    }

    @Test
    void streamableHttpConnectsListsCallsAndRecordsHttpDetails() throws Exception {
        AtomicInteger authAsked = new AtomicInteger();
        HttpAuthorization auth = new HttpAuthorization() {
            @Override
            public Map<String, String> requestHeaders(String method, java.net.URI uri) {
                authAsked.incrementAndGet();
                return Map.of("Authorization", "Bearer sk-test-secret-token-123");
            }

            @Override
            public boolean onUnauthorized(int status, Map<String, List<String>> headers) {
                return false;
            }
        };
        List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
        ServerTarget target = new ServerTarget.StreamableHttp(EverythingServer.url(port, "/mcp"), Map.of("X-Workbench-Test", "1"));
        try (McpConnection connection = McpConnection.open(target, ConnectOptions.defaults().withAuthorization(auth))) {
            connection.addListener(events::add);
            ServerSnapshot snapshot = connection.snapshot();
            assertThat(snapshot.tool("echo")).isPresent();
            assertThat(snapshot.prompts()).isNotEmpty();

            JsonNode echo = connection.callTool("echo", JsonNodeFactory.instance.objectNode().put("message", "over http"),
                    RequestOptions.DEFAULT).await();
            assertThat(echo.toString()).contains("over http");
            assertThat(connection.readResource(snapshot.resources().get(0).path("uri").asText()).path("contents").isArray()).isTrue();

            PendingRequest longCall = connection.callTool("trigger-long-running-operation",
                    JsonNodeFactory.instance.objectNode().put("duration", 1).put("steps", 2),
                    RequestOptions.timeout(Duration.ofSeconds(20)).withProgress());
            longCall.await();
            assertThat(events).anyMatch(e -> e instanceof ConnectionEvent.Progress);

            List<TrafficEntry> traffic = connection.traffic().entries();
            TrafficEntry initResponse = traffic.stream()
                    .filter(e -> e.kind() == EntryKind.HTTP && e.http().status() == 200 && !e.http().responseHeader("mcp-session-id").isEmpty())
                    .findFirst().orElseThrow();
            assertThat(initResponse.direction()).isEqualTo(Direction.SERVER_TO_CLIENT);
            TrafficEntry callRequest = traffic.stream()
                    .filter(e -> e.kind() == EntryKind.REQUEST && e.method().equals("tools/call")).findFirst().orElseThrow();
            assertThat(callRequest.http().requestHeaders().get("Authorization")).containsExactly("Bearer sk-test-secret-token-123");
            assertThat(SecretMasker.MASKING.http(callRequest.http()).requestHeaders().get("Authorization"))
                    .containsExactly("Bearer " + SecretMasker.MASK);
            assertThat(connection.traffic().responseTo(callRequest.seq())).isPresent();
            assertThat(authAsked.get()).isPositive();
        }
    }

    @Test
    void wrongPathIsReportedAsNotMcp() {
        ServerTarget target = new ServerTarget.StreamableHttp(EverythingServer.url(port, "/not-here"), Map.of());
        McpConnectionException e = org.junit.jupiter.api.Assertions.assertThrows(McpConnectionException.class,
                () -> McpConnection.open(target, ConnectOptions.defaults().withConnectTimeout(Duration.ofSeconds(10))));
        assertThat(e.kind()).isEqualTo(McpConnectionException.Kind.NOT_MCP);
        assertThat(e.getMessage()).contains("404").doesNotContain("\n");
    }
}
