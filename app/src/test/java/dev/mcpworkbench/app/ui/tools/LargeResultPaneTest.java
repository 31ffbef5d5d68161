package dev.mcpworkbench.app.ui.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.ui.common.Fx;
import dev.mcpworkbench.app.ui.common.Json;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;

/** A big tool result does not end up whole in a text control: the Raw JSON tab shows a bounded preview. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LargeResultPaneTest {

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.init();
    }

    @Test
    void theRawTabShowsABoundedPreviewOfABigResultAndSaysSo() throws Exception {
        ObjectNode result = SnapshotJson.MAPPER.createObjectNode();
        ArrayNode rows = result.putObject("structuredContent").putArray("rows");
        for (int i = 0; i < 200_000; i++) rows.addObject().put("id", i).put("name", "row " + i).put("email", "user" + i + "@example.com");
        result.putArray("content").addObject().put("type", "text").put("text", "200,000 rows");
        ToolResultPane pane = Fx.call(() -> new ToolResultPane(uri -> { }));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(pane, 1000, 700));
            stage.show();
        });
        Fx.call(() -> {
            pane.show(result, Duration.ofMillis(5));
            return null;
        });
        TextArea raw = (TextArea) pane.lookup("#resultRaw");
        assertThat(raw.getText().length()).isLessThanOrEqualTo(ToolResultPane.RAW_PREVIEW_CHARS).isGreaterThan(1000);
        Node note = pane.lookup("#resultRawTruncated");
        assertThat(((Label) note).getText()).contains("first 64 KB").contains("Payload tab");
    }

    @Test
    void aSmallResultIsShownWholeWithoutANote() {
        ObjectNode small = SnapshotJson.MAPPER.createObjectNode();
        small.putArray("content").addObject().put("type", "text").put("text", "hello");
        Json.Bounded pretty = Json.prettyBounded(small, ToolResultPane.RAW_PREVIEW_CHARS);
        assertThat(pretty.truncated()).isFalse();
        assertThat(pretty.text()).isEqualTo(Json.pretty(small));
        Json.Bounded cut = Json.prettyBounded(small, 10);
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.text()).hasSize(10).isEqualTo(Json.pretty(small).substring(0, 10));
    }
}
