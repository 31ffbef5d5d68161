package dev.mcpworkbench.inspector.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.traffic.EntryKind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SseAndHandlerTest {

    @Test
    void legacySseConnectsAndCalls() throws Exception {
        int port = EverythingServer.freePort();
        Process server = EverythingServer.startHttp("sse", port);
        try (McpConnection connection = McpConnection.open(new ServerTarget.Sse(EverythingServer.url(port, "/sse"), Map.of()),
                ConnectOptions.defaults())) {
            ServerSnapshot snapshot = connection.snapshot();
            assertThat(snapshot.tool("echo")).isPresent();
            JsonNode echo = connection.callTool("echo", JsonNodeFactory.instance.objectNode().put("message", "via sse"),
                    RequestOptions.DEFAULT).await();
            assertThat(echo.toString()).contains("via sse");
            assertThat(connection.traffic().entries()).anyMatch(e -> e.kind() == EntryKind.LIFECYCLE && e.text().startsWith("Endpoint event"));
            // a text of a megabyte or more stays in the bytes the traffic log keeps, as over the other transports
            String big = "é0123456789".repeat(120_000);
            JsonNode text = connection.callTool("echo", JsonNodeFactory.instance.objectNode().put("message", big),
                    RequestOptions.DEFAULT).await().at("/content/0/text");
            assertThat(text).isInstanceOf(dev.mcpworkbench.inspector.traffic.LongTextNode.class);
            assertThat(text.textValue()).endsWith(big).hasSize(dev.mcpworkbench.inspector.traffic.LongTextNode.length(text));
        } finally {
            ProcessTree.kill(server.toHandle());
        }
    }

    @Test
    void samplingAndElicitationGoToTheHandler() throws Exception {
        List<ObjectNode> seen = new CopyOnWriteArrayList<>();
        ClientRequestHandler handler = new ClientRequestHandler() {
            @Override
            public ElicitationReply elicit(ObjectNode params) {
                seen.add(params);
                ObjectNode content = JsonNodeFactory.instance.objectNode().put("name", "Ada");
                return ElicitationReply.accept(content);
            }

            @Override
            public SamplingReply sample(ObjectNode params) {
                seen.add(params);
                ObjectNode result = JsonNodeFactory.instance.objectNode().put("role", "assistant").put("model", "workbench-test");
                result.putObject("content").put("type", "text").put("text", "sampled answer 42");
                return SamplingReply.answer(result);
            }
        };
        try (McpConnection connection = McpConnection.open(EverythingServer.stdio(), ConnectOptions.defaults().withRequestHandler(handler))) {
            JsonNode sampled = connection.callTool("trigger-sampling-request",
                    JsonNodeFactory.instance.objectNode().put("prompt", "say 42"), RequestOptions.DEFAULT).await();
            assertThat(sampled.toString()).contains("sampled answer 42");
            JsonNode elicited = connection.callTool("trigger-elicitation-request", null, RequestOptions.DEFAULT).await();
            assertThat(elicited.toString()).contains("accept");
            assertThat(seen).hasSize(2);
        }
    }
}
