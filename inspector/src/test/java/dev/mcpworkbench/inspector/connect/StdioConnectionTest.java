package dev.mcpworkbench.inspector.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import dev.mcpworkbench.inspector.traffic.Direction;
import dev.mcpworkbench.inspector.traffic.EntryKind;
import dev.mcpworkbench.inspector.traffic.TrafficEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StdioConnectionTest {

    static McpConnection connection;
    static final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void connect() throws Exception {
        connection = McpConnection.open(EverythingServer.stdio(), ConnectOptions.defaults()
                .withRoots(List.of(new Root("file:///tmp/workbench-root", "scratch")))
                .withListener(events::add));
    }

    @AfterAll
    static void disconnect() {
        if (connection != null) connection.close();
    }

    @Test
    void snapshotListsEverythingFollowingCursors() throws Exception {
        ServerSnapshot snapshot = connection.snapshot();
        assertThat(snapshot.serverName()).isNotEmpty();
        assertThat(snapshot.protocolVersion()).isNotEmpty();
        assertThat(snapshot.tool("echo")).isPresent();
        assertThat(snapshot.tools()).hasSizeGreaterThan(5);
        assertThat(snapshot.resources()).isNotEmpty();
        assertThat(snapshot.resourceTemplates()).isNotEmpty();
        assertThat(snapshot.prompts()).extracting(ServerSnapshot::nameOf).contains("simple-prompt", "args-prompt");
        ServerSnapshot reread = SnapshotJson.read(new java.io.ByteArrayInputStream(
                SnapshotJson.toJsonString(snapshot).getBytes(java.nio.charset.StandardCharsets.UTF_8)), "x");
        assertThat(reread.tools()).isEqualTo(snapshot.tools());
    }

    @Test
    void echoIsCalledAndItsExchangeIsPairedInTheTraffic() throws Exception {
        JsonNode args = JsonNodeFactory.instance.objectNode().put("message", "hello workbench");
        PendingRequest call = connection.callTool("echo", args, RequestOptions.DEFAULT);
        JsonNode result = call.await();
        assertThat(result.path("content").get(0).path("text").asText()).contains("hello workbench");

        List<TrafficEntry> traffic = connection.traffic().entries();
        TrafficEntry request = traffic.stream()
                .filter(e -> e.kind() == EntryKind.REQUEST && e.id().equals(call.id().toString()))
                .findFirst().orElseThrow();
        assertThat(request.direction()).isEqualTo(Direction.CLIENT_TO_SERVER);
        assertThat(request.method()).isEqualTo("tools/call");
        assertThat(request.text()).contains("\"hello workbench\"").doesNotContain("\n");
        assertThat(request.sizeBytes()).isEqualTo(request.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        TrafficEntry response = connection.traffic().responseTo(request.seq()).orElseThrow();
        assertThat(response.direction()).isEqualTo(Direction.SERVER_TO_CLIENT);
        assertThat(response.latency()).isNotNull().isPositive();
        assertThat(SnapshotJson.MAPPER.readTree(response.text()).path("result")).isEqualTo(result);
        assertThat(call.answerBytes()).as("the answer's bytes are the traffic log's, not a copy").isSameAs(response.raw().utf8());
    }

    @Test
    void resourceIsReadAndPromptIsRendered() throws Exception {
        String uri = connection.listResources().get(0).path("uri").asText();
        JsonNode read = connection.readResource(uri);
        assertThat(read.path("contents").get(0).path("uri").asText()).isEqualTo(uri);

        JsonNode prompt = connection.getPrompt("args-prompt", Map.of("city", "Lyon"));
        assertThat(prompt.path("messages").toString()).contains("Lyon");
    }

    @Test
    void aResourceReadAndAPromptGetLeaveTheirResultsWhereTheyArrived() throws Exception {
        String uri = connection.listResources().get(0).path("uri").asText();
        for (PendingRequest pending : java.util.List.of(connection.readResourceRequest(uri),
                connection.getPromptRequest("args-prompt", Map.of("city", "Lyon")))) {
            JsonNode result = pending.await();
            var slice = dev.mcpworkbench.inspector.payload.ResultMember.of(pending.answerBytes()).orElseThrow();
            assertThat(slice.bytes()).as("the traffic log's array, not a copy").isSameAs(pending.answerBytes());
            assertThat(SnapshotJson.MAPPER.readTree(new String(slice.bytes(), slice.offset(), slice.length(),
                    java.nio.charset.StandardCharsets.UTF_8))).as(pending.method()).isEqualTo(result);
        }
    }

    @Test
    void progressOfALongRunningToolArrivesAsEvents() throws Exception {
        JsonNode args = JsonNodeFactory.instance.objectNode().put("duration", 1).put("steps", 3);
        PendingRequest call = connection.callTool("trigger-long-running-operation", args,
                RequestOptions.timeout(Duration.ofSeconds(20)).withProgress());
        call.await();
        assertThat(events).filteredOn(e -> e instanceof ConnectionEvent.Progress p && p.progressToken().equals(call.progressToken()))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void logMessagesArriveAsEvents() throws Exception {
        connection.setLoggingLevel("debug");
        connection.callTool("toggle-simulated-logging", null, RequestOptions.DEFAULT).await();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (events.stream().noneMatch(ConnectionEvent.LogMessage.class::isInstance) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            connection.callTool("toggle-simulated-logging", null, RequestOptions.DEFAULT).await();
        }
        assertThat(events).anyMatch(ConnectionEvent.LogMessage.class::isInstance);
    }

    @Test
    void rootsAreAnsweredFromTheConnectionsList() throws Exception {
        JsonNode result = connection.callTool("get-roots-list", null, RequestOptions.DEFAULT).await();
        assertThat(result.toString()).contains("file:///tmp/workbench-root");
        assertThat(connection.traffic().entries()).anyMatch(e -> e.kind() == EntryKind.REQUEST
                && e.direction() == Direction.SERVER_TO_CLIENT && e.method().equals("roots/list"));
    }

    @Test
    void elicitationIsDeclinedByTheHeadlessDefault() throws Exception {
        JsonNode result = connection.callTool("trigger-elicitation-request", null, RequestOptions.DEFAULT).await();
        assertThat(result.toString()).containsIgnoringCase("decline");
        assertThat(events).anyMatch(e -> e instanceof ConnectionEvent.ServerRequest r && r.method().equals("elicitation/create"));
    }

    @Test
    void cancellingSendsNotificationsCancelled() throws Exception {
        JsonNode args = JsonNodeFactory.instance.objectNode().put("duration", 10).put("steps", 5);
        PendingRequest call = connection.callTool("trigger-long-running-operation", args, RequestOptions.DEFAULT);
        Thread.sleep(200);
        call.cancel("test");
        assertThatThrownBy(call::await).isInstanceOf(McpConnectionException.class)
                .extracting(e -> ((McpConnectionException) e).kind()).isEqualTo(McpConnectionException.Kind.CANCELLED);
        assertThat(connection.traffic().entries()).anyMatch(e -> e.method().equals("notifications/cancelled")
                && e.text().contains("\"requestId\":" + call.id()));
        connection.ping(); // the connection is still usable
    }

    @Test
    void toolListChangeIsAnnounced() throws Exception {
        // server-everything registers get-roots-list once it knows the client offers roots.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.stream().noneMatch(e -> e.equals(new ConnectionEvent.ListChanged("tools"))) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(events).contains(new ConnectionEvent.ListChanged("tools"));
    }

    @Test
    void unknownToolIsAnErrorNotACrash() {
        PendingRequest call = connection.callTool("no-such-tool", null, RequestOptions.DEFAULT);
        assertThatThrownBy(() -> {
            JsonNode r = call.await();
            if (r.path("isError").asBoolean()) throw new McpConnectionException(McpConnectionException.Kind.PROTOCOL, "tool error");
        }).isInstanceOf(McpConnectionException.class);
    }
}
