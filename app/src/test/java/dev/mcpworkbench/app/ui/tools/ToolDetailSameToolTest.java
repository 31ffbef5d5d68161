package dev.mcpworkbench.app.ui.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.app.ui.common.Fx;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import dev.mcpworkbench.inspector.traffic.JsonRpcText;
import dev.mcpworkbench.inspector.traffic.LongTextNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same tool shown again keeps its form (what the user typed, a running call). A tools/list
 * answer of a megabyte or more keeps a string of a megabyte or more as a LongTextNode, which the
 * plain TextNode of a smaller answer's tree does not call equal: the tool looked new.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ToolDetailSameToolTest {

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.init();
    }

    @Test
    void theSameToolFromABiggerListKeepsItsForm() throws Exception {
        String tool = "{\"name\":\"a\",\"description\":\"" + "d".repeat(1 << 20) + "\",\"inputSchema\":{\"type\":\"object\"}}";
        JsonNode small = SnapshotJson.MAPPER.readTree(tool);
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[" + tool + "]}}";
        JsonNode inBigMessage = JsonRpcText.parseOrNull(big.getBytes(StandardCharsets.UTF_8)).path("result").path("tools").get(0);
        assertThat(inBigMessage.at("/description")).isInstanceOf(LongTextNode.class);

        for (JsonNode[] order : new JsonNode[][] {{small, inBigMessage}, {inBigMessage, small}}) {
            boolean kept = Fx.call(() -> {
                ToolDetailView detail = new ToolDetailView(() -> null, uri -> { });
                detail.show(ToolItem.of(order[0]));
                var form = detail.editor();
                detail.show(ToolItem.of(order[1]));
                return form != null && detail.editor() == form;
            });
            assertThat(kept).as("the form of the tool shown again, the big list " + (order[0] == small ? "second" : "first")).isTrue();
        }
    }
}
