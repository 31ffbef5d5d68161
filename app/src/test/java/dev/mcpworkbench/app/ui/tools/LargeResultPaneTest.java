package dev.mcpworkbench.app.ui.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.ui.common.Fx;
import dev.mcpworkbench.app.ui.common.Json;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

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
        showOnStage(pane);
        Fx.call(() -> {
            pane.show(result, Duration.ofMillis(5));
            return null;
        });
        // built when its tab is first selected
        assertThat(pane.lookup("#resultRaw")).isNull();
        Fx.run(() -> {
            TabPane tabs = (TabPane) pane.lookup(".tab-pane");
            select(tabs, "Raw JSON");
        });
        TextArea raw = (TextArea) pane.lookup("#resultRaw");
        assertThat(raw.getText().length()).isLessThanOrEqualTo(ToolResultPane.RAW_PREVIEW_CHARS).isGreaterThan(1000);
        Node note = pane.lookup("#resultRawTruncated");
        assertThat(((Label) note).getText()).contains("first 64 KB").contains("Payload tab");
    }

    @Test
    void aBigTextBlockShowsABoundedPreviewWithANoteAndALinkToTheWhole() throws Exception {
        ObjectNode result = bigTextResult(2_000_000);
        JsonNode[] opened = new JsonNode[1];
        ToolResultPane pane = Fx.call(() -> new ToolResultPane(uri -> { }));
        Fx.run(() -> pane.setDetachAction(r -> opened[0] = r));
        showOnStage(pane);
        Fx.run(() -> pane.show(result, Duration.ofMillis(5)));
        // the text comes in a frame after the result's header and tabs (NextFrame; NextFrameTest), and does come
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> pane.lookup(".block-text") != null));
        TextArea text = (TextArea) pane.lookup(".block-text");
        assertThat(text.getText()).isEqualTo(result.path("content").get(0).path("text").asText().substring(0, ContentBlockView.TEXT_PREVIEW));
        Label note = (Label) pane.lookup(".block-preview-note .result-note");
        assertThat(note.getText()).startsWith(String.format("Showing %,d of 2.0 M characters", ContentBlockView.TEXT_PREVIEW));
        Hyperlink open = (Hyperlink) pane.lookup(".block-open-whole");
        Fx.run(open::fire);
        assertThat(opened[0]).isSameAs(result);
    }

    @Test
    void aResultOfManyBlocksLaysOutTheFirstOnesAndSaysSo() throws Exception {
        ObjectNode result = SnapshotJson.MAPPER.createObjectNode();
        ArrayNode content = result.putArray("content");
        for (int i = 0; i < 10_000; i++) content.addObject().put("type", "text").put("text", "block " + i);
        ToolResultPane pane = showing(result);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((Label) pane.lookup("#moreBlocks")).getText()).isEqualTo(
                "Showing the first 50 of 10,000 content blocks: the payload view shows all of them.");
        // the first few come with the result, the others as they show: not all 50 in the result's first frame
        int first = Fx.call(() -> pane.lookupAll(".content-block").size());
        assertThat(first).isBetween(ContentBlockView.BLOCKS_AT_ONCE, ContentBlockView.BLOCK_LIMIT - 1);

        // scrolled through a step at a time, the user sees every one of the 50
        Node around = Fx.call(() -> pane.lookup("#moreBlocks"));
        while (!(around instanceof javafx.scene.control.ScrollPane)) around = around.getParent();
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) around;
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            Fx.run(() -> scroll.setVvalue(Math.min(1, scroll.getVvalue() + 0.05)));
            Fx.call(() -> dev.mcpworkbench.app.ui.common.Frames.afterPulses(3)).await(1, TimeUnit.SECONDS);
            return Fx.call(() -> pane.lookupAll(".content-block").size()) == ContentBlockView.BLOCK_LIMIT;
        });
    }

    /**
     * A result, once it leaves the screen, is held by nothing of the pane: not by its tabs, its
     * text controls or the payload analysis the Payload tab built. A WeakReference to the result
     * clears after a GC; a pane that kept any of them would keep it reachable (no timing involved).
     */
    @Test
    void aResultThatLeftTheScreenCanBeCollected() throws Exception {
        ToolResultPane pane = Fx.call(() -> new ToolResultPane(uri -> { }));
        Fx.run(() -> pane.addView(new ToolResultPane.ResultView("Payload",
                r -> dev.mcpworkbench.app.ui.payload.PayloadTab.forResult("big", r))));
        showOnStage(pane);
        List<WeakReference<?>> shown = showAndOpenEveryTab(pane, bigTextResult(1_000_000));
        // the pane moves on: first to another result, then to empty
        List<WeakReference<?>> next = showAndOpenEveryTab(pane, bigTextResult(10));
        assertThat(collected(shown)).as("the first result and its parsed payload, after the next one came").isTrue();
        Fx.run(pane::showEmpty);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(collected(next)).as("the last result and its parsed payload, after the pane went empty").isTrue();
    }

    /** Weak references to the result and to the payload the Payload tab parsed from it. */
    private static List<WeakReference<?>> showAndOpenEveryTab(ToolResultPane pane, ObjectNode result) throws Exception {
        Fx.run(() -> pane.show(result, Duration.ofMillis(5)));
        TabPane tabs = (TabPane) pane.lookup(".tab-pane");
        for (int i = 0; i < Fx.call(() -> tabs.getTabs().size()); i++) {
            int index = i;
            Fx.run(() -> tabs.getSelectionModel().select(index));
            WaitForAsyncUtils.waitForFxEvents();
        }
        // the payload analysis finishes in the background (its busy indicator goes off)
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Fx.call(() -> {
            Node summary = pane.lookup("#payload-summary");
            return summary != null && !((Label) summary).getText().startsWith("Loading");
        }));
        WaitForAsyncUtils.waitForFxEvents();
        Object payload = Fx.call(() -> ((dev.mcpworkbench.app.ui.payload.PayloadView) pane.lookup(".payload-view"))
                .model().payloadProperty().get());
        assertThat(payload).as("the Payload tab parsed the result").isNotNull();
        return List.of(new WeakReference<>(result), new WeakReference<>(payload));
    }

    private static boolean collected(List<WeakReference<?>> refs) throws Exception {
        for (int i = 0; i < 20 && refs.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(50);
        }
        return refs.stream().allMatch(r -> r.get() == null);
    }

    /** A pane on the stage showing {@code result}. */
    private static ToolResultPane showing(JsonNode result) throws Exception {
        ToolResultPane pane = Fx.call(() -> new ToolResultPane(uri -> { }));
        showOnStage(pane);
        Fx.run(() -> pane.show(result, Duration.ofMillis(5)));
        return pane;
    }

    private static void showOnStage(ToolResultPane pane) throws Exception {
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(pane, 1000, 700));
            stage.show();
        });
    }

    private static ObjectNode bigTextResult(int chars) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; json.length() < chars; i++) json.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append('}');
        ObjectNode result = SnapshotJson.MAPPER.createObjectNode();
        result.putArray("content").addObject().put("type", "text").put("text", json.append(']').toString());
        return result;
    }

    /**
     * A result as the transports read it: the text block of a message of a megabyte or more stays
     * in the message's bytes. Every tab shows the same bounded views as for a decoded tree, and
     * none decodes the whole text (the pane reads a head, the raw view streams until its cap).
     */
    @Test
    void aTextBlockLeftInTheMessageBytesShowsTheSameBoundedViews() throws Exception {
        ObjectNode decoded = bigTextResult(2_000_000);
        decoded.putObject("structuredContent").set("copy", decoded.at("/content/0/text"));
        byte[] message = SnapshotJson.MAPPER.writeValueAsBytes(SnapshotJson.MAPPER.createObjectNode()
                .put("jsonrpc", "2.0").put("id", 3).set("result", decoded));
        JsonNode result = dev.mcpworkbench.inspector.traffic.JsonRpcText.parseOrNull(message).get("result");
        assertThat(result.at("/content/0/text")).isInstanceOf(dev.mcpworkbench.inspector.traffic.LongTextNode.class);
        ToolResultPane pane = showing(result);
        // the preview comes a frame after the rest of the block (NextFrame)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> pane.lookup(".block-text") != null));
        String text = decoded.at("/content/0/text").textValue();
        assertThat(((TextArea) pane.lookup(".block-text")).getText()).isEqualTo(text.substring(0, ContentBlockView.TEXT_PREVIEW));
        assertThat(((Label) pane.lookup(".block-preview-note .result-note")).getText())
                .startsWith(String.format("Showing %,d of 2.0 M characters", ContentBlockView.TEXT_PREVIEW));
        TabPane tabs = (TabPane) pane.lookup(".tab-pane");
        Fx.run(() -> select(tabs, "Raw JSON"));
        // its structuredContent (2 MB) is still in the bytes: the preview is written on a worker
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Fx.call(() -> pane.lookup("#resultRaw") != null));
        assertThat(((TextArea) pane.lookup("#resultRaw")).getText())
                .isEqualTo(Json.prettyBounded(decoded, ToolResultPane.RAW_PREVIEW_CHARS).text());
        Fx.run(() -> select(tabs, "Structured"));
        WaitForAsyncUtils.waitForFxEvents();
        var tree = (dev.mcpworkbench.app.ui.common.JsonTreeView) pane.lookup(".json-tree");
        String label = tree.getRoot().getChildren().get(0).getValue().label();
        assertThat(label).startsWith("copy: \"" + text.substring(0, 100)).endsWith("… (" + text.length() + " chars)");
    }

    /** A result with a small text block and 40,000 rows (over a megabyte) as its structuredContent. */
    private static ObjectNode rowsAsStructuredContent() {
        ObjectNode decoded = SnapshotJson.MAPPER.createObjectNode();
        decoded.putArray("content").addObject().put("type", "text").put("text", "rows");
        ArrayNode rows = decoded.putObject("structuredContent").putArray("rows");
        for (int i = 0; i < 40_000; i++) rows.addObject().put("id", i).put("name", "row " + i);
        return decoded;
    }

    /** Selects the result's tab named {@code name} (on the FX thread). */
    private static void select(TabPane tabs, String name) {
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals(name)).findFirst().orElseThrow());
    }

    /** The result as the transports read it from the bytes of an answer carrying it. */
    private static JsonNode asReceived(ObjectNode result) throws Exception {
        byte[] message = SnapshotJson.MAPPER.writeValueAsBytes(SnapshotJson.MAPPER.createObjectNode()
                .put("jsonrpc", "2.0").put("id", 3).set("result", result));
        return dev.mcpworkbench.inspector.traffic.JsonRpcText.parseOrNull(message).get("result");
    }

    /**
     * A structuredContent of a megabyte or more stays in the message's bytes until the Structured
     * tab is selected; the tab then reads it off the FX thread and shows the same tree.
     */
    @Test
    void aBigStructuredContentIsReadOffTheFxThreadWhenItsTabIsSelected() throws Exception {
        ObjectNode decoded = rowsAsStructuredContent();
        JsonNode result = asReceived(decoded);
        var lazy = (dev.mcpworkbench.inspector.traffic.LazyContainer) result.get("structuredContent");
        ToolResultPane pane = showing(result);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lazy.isRead()).as("showing the result does not read it").isFalse();
        TabPane tabs = (TabPane) pane.lookup(".tab-pane");
        boolean readingShown = Fx.call(() -> {
            select(tabs, "Structured");
            // the tree comes in a later event: the FX thread did not read it here
            return pane.lookup("#structuredReading") != null && pane.lookup(".json-tree") == null;
        });
        assertThat(readingShown).isTrue();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Fx.call(() -> pane.lookup(".json-tree") != null));
        assertThat(lazy.isRead()).isTrue();
        var tree = (dev.mcpworkbench.app.ui.common.JsonTreeView) pane.lookup(".json-tree");
        var rowsItem = tree.getRoot().getChildren().get(0);
        assertThat(rowsItem.getValue().key()).isEqualTo("rows");
        assertThat(rowsItem.getValue().value().size()).isEqualTo(40_000);
        assertThat(rowsItem.isExpanded()).as("a lone child of 40,000 entries stays closed").isFalse();
        assertThat(rowsItem.getChildren()).isEmpty();
        boolean smallLoneChildOpens = Fx.call(() -> {
            var small = new dev.mcpworkbench.app.ui.common.JsonTreeView();
            small.setJson(SnapshotJson.MAPPER.readTree("{\"rows\":[{\"id\":1}]}"));
            return small.getRoot().getChildren().get(0).isExpanded();
        });
        assertThat(smallLoneChildOpens).as("a small lone child still opens with its parent").isTrue();
        assertThat(result.get("structuredContent").equals(decoded.get("structuredContent"))).isTrue();
    }

    /** The Raw JSON tab of a result whose big structuredContent is still in the bytes writes its preview on a worker. */
    @Test
    void theRawTabOfAResultWithABigStructuredContentIsWrittenOffTheFxThread() throws Exception {
        ObjectNode decoded = rowsAsStructuredContent();
        JsonNode result = asReceived(decoded);
        var lazy = (dev.mcpworkbench.inspector.traffic.LazyContainer) result.get("structuredContent");
        ToolResultPane pane = showing(result);
        TabPane tabs = (TabPane) pane.lookup(".tab-pane");
        boolean writingShown = Fx.call(() -> {
            select(tabs, "Raw JSON");
            return pane.lookup("#rawWriting") != null && pane.lookup("#resultRaw") == null && !lazy.isRead();
        });
        assertThat(writingShown).as("the FX thread neither read nor wrote it").isTrue();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Fx.call(() -> pane.lookup("#resultRaw") != null));
        assertThat(((TextArea) pane.lookup("#resultRaw")).getText())
                .isEqualTo(Json.prettyBounded(decoded, ToolResultPane.RAW_PREVIEW_CHARS).text());
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
