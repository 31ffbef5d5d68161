package dev.mcpworkbench.app.ui.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.app.ui.common.EmptyState;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.common.Json;
import dev.mcpworkbench.app.ui.common.JsonTreeView;
import dev.mcpworkbench.app.ui.payload.ResultAnalysis;
import dev.mcpworkbench.inspector.traffic.LazyContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * A tool result: the content blocks, structuredContent as a tree, the raw JSON; isError shown as
 * an error. Richer views (the payload analysis) add themselves with {@link #addView}.
 */
public final class ToolResultPane extends VBox {

    /** A view of a whole CallToolResult, shown as an extra tab beside the built-in ones. */
    public record ResultView(String title, Function<JsonNode, Node> render) {
    }

    private final Label header = new Label();
    private final TabPane tabs = new TabPane();
    private final List<ResultView> extraViews = new ArrayList<>();
    private final Consumer<String> openResource;
    private final Button detach = new Button("Open in window");
    private Consumer<JsonNode> openWhole;
    private JsonNode lastResult;
    /** The shown result's shared parse and check, if it came with one; released with the result. */
    private ResultAnalysis lastAnalysis;
    /** The tabs' work on a worker for the shown result (see {@link #offFx}), cancelled when it goes. */
    private final java.util.List<FxTasks.Handle> working = new java.util.ArrayList<>();

    public ToolResultPane(Consumer<String> openResource) {
        this.openResource = openResource;
        setId("toolResult");
        getStyleClass().add("result-pane");
        header.setId("resultHeader");
        header.getStyleClass().add("result-header");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        detach.setId("resultDetach");
        detach.setGraphic(Icons.of(Feather.EXTERNAL_LINK));
        detach.setTooltip(new javafx.scene.control.Tooltip("Open this result in the payload viewer, in a window of its own"));
        detach.setVisible(false);
        detach.setManaged(false);
        showEmpty();
    }

    /** Lets the user open the shown result in a window of its own (the pane under the form is short). */
    public void setDetachAction(Consumer<JsonNode> open) {
        openWhole = open;
        detach.setOnAction(e -> {
            if (lastResult != null) open.accept(lastResult);
        });
        detach.setVisible(true);
        detach.setManaged(true);
    }

    public void addView(ResultView view) {
        extraViews.add(view);
        if (lastResult != null) show(lastResult, null, lastAnalysis);
    }

    /**
     * The result leaves the screen: the tabs go with it, so nothing holds the result's tree, its
     * parsed payload or its text controls any more.
     */
    private void release() {
        release(null);
    }

    /** As {@link #release()}, but the analysis of a result shown again (another view added) keeps its claim. */
    private void release(ResultAnalysis next) {
        if (lastAnalysis != null && lastAnalysis != next) lastAnalysis.leftScreen();
        working.forEach(FxTasks.Handle::cancel);
        working.clear();
        lastResult = null;
        lastAnalysis = null;
        tabs.getTabs().clear();
    }

    public void showEmpty() {
        release();
        getChildren().setAll(new EmptyState(Feather.PLAY_CIRCLE, "No result yet",
                "Fill in the arguments and press Call (Ctrl+Enter). The result appears here."));
    }

    public void showError(String message) {
        release();
        header.setText(message);
        header.setGraphic(Icons.of(Feather.ALERT_TRIANGLE));
        header.getStyleClass().setAll("result-header", "result-error");
        getChildren().setAll(header);
    }

    public void show(JsonNode result, Duration elapsed) {
        show(result, elapsed, null);
    }

    /** Shows a tool's result with its analysis, which the pane holds while the result is on screen. */
    public void show(JsonNode result, Duration elapsed, ResultAnalysis analysis) {
        release(analysis);
        lastResult = result;
        lastAnalysis = analysis;
        boolean isError = result.path("isError").asBoolean(false);
        header.getStyleClass().setAll("result-header", isError ? "result-error" : "result-ok");
        header.setGraphic(Icons.of(isError ? Feather.X_CIRCLE : Feather.CHECK_CIRCLE));
        int blocks = result.path("content").size();
        header.setText((isError ? "The tool reported an error (isError: true)" : "Result")
                + "  ·  " + blocks + " content block" + (blocks == 1 ? "" : "s")
                + (result.has("structuredContent") ? " · structuredContent" : "")
                + (elapsed == null ? "" : "  ·  " + elapsed.toMillis() + " ms"));
        tabs.getTabs().setAll(tab("Content", content(result)));
        // the other tabs are built when first selected: a tab pane lays out and styles its hidden
        // tabs too, and a 64 KB line of raw JSON alone took a good part of the result's first frame
        if (result.has("structuredContent")) tabs.getTabs().add(lazyTab("Structured", () -> structuredOffFx(result.get("structuredContent"))));
        tabs.getTabs().add(lazyTab("Raw JSON", () -> rawOffFx(result)));
        for (ResultView v : extraViews) tabs.getTabs().add(lazyTab(v.title(), () -> v.render().apply(result)));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, header, gap, detach);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 10, 0, 0));
        getChildren().setAll(top, tabs);
    }

    /**
     * A text control lays out its whole text in one pass on the FX thread: past a few screens it
     * stalls the window. The Payload tab pages through the rest.
     */
    static final int RAW_PREVIEW_CHARS = 64 * 1024;

    /** A container child with more entries than this stays closed: expanding it makes one tree item per entry. */
    static final int EXPAND_LIMIT = 1_000;

    private static boolean hasBigChild(JsonNode node) {
        for (JsonNode child : node) if (child.size() > EXPAND_LIMIT) return true;
        return false;
    }

    private static Node structured(JsonNode structured) {
        JsonTreeView tree = new JsonTreeView();
        tree.setJson(structured);
        tree.expandTo(hasBigChild(structured) ? 1 : 2);
        return tree;
    }

    /**
     * The tree of a structuredContent that is still in the message's bytes (a big one, see
     * docs/payloads.md) is read on a worker: its first read parses it, a second or more for a
     * hundred megabytes, which on the FX thread would freeze the window. Meanwhile the tab says so.
     */
    private Node structuredOffFx(JsonNode structured) {
        if (!(structured instanceof LazyContainer lazy) || lazy.isRead()) return structured(structured);
        return offFx("Reading structuredContent", "structuredReading", "Could not read structuredContent", () -> {
            lazy.read();
            return structured;
        }, ToolResultPane::structured);
    }

    /**
     * Writing the preview reads what it writes: a member still in the message's bytes (a big
     * structuredContent or _meta after a small content) would be parsed whole on the FX thread
     * first, so such a result's preview is written on a worker, the tab saying so meanwhile.
     */
    private Node rawOffFx(JsonNode result) {
        boolean unread = false;
        for (JsonNode member : result) unread |= member instanceof LazyContainer lazy && !lazy.isRead();
        if (!unread) return raw(Json.prettyBounded(result, RAW_PREVIEW_CHARS));
        return offFx("Writing the raw JSON", "rawWriting", "Could not write the raw JSON",
                () -> Json.prettyBounded(result, RAW_PREVIEW_CHARS), ToolResultPane::raw);
    }

    /**
     * A tab whose content needs {@code work} done on a worker first: "{@code what}…" (with id
     * {@code noteId}) until it is done, then {@code show} of its outcome, or {@code failed} and why.
     */
    private <T> Node offFx(String what, String noteId, String failed, java.util.concurrent.Callable<T> work,
                           java.util.function.Function<T, Node> show) {
        Label note = new Label(what + "…");
        note.setId(noteId);
        note.getStyleClass().add("result-note");
        StackPane box = new StackPane(note);
        working.add(FxTasks.shared().run(what, Duration.ofSeconds(120), work, done -> box.getChildren().setAll(show.apply(done)),
                e -> note.setText(failed + ": " + FxTasks.message(e))));
        return box;
    }

    private static Node raw(Json.Bounded pretty) {
        TextArea raw = new TextArea(pretty.text());
        raw.setEditable(false);
        raw.setId("resultRaw");
        raw.getStyleClass().add("mono");
        if (!pretty.truncated()) return raw;
        Label note = new Label("Showing the first " + RAW_PREVIEW_CHARS / 1024 + " KB of a larger result: the Payload tab shows "
                + "all of it (paged raw view, tree, search) and exports it to a file.");
        note.setId("resultRawTruncated");
        note.setWrapText(true);
        note.getStyleClass().add("result-note");
        VBox box = new VBox(6, note, raw);
        VBox.setVgrow(raw, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    private Node content(JsonNode result) {
        VBox blocks = new VBox(10);
        blocks.setPadding(new Insets(10));
        Runnable open = openWhole == null ? null : () -> openWhole.accept(result);
        JsonNode content = result.path("content");
        for (int i = 0; i < Math.min(content.size(), ContentBlockView.BLOCK_LIMIT); i++) {
            JsonNode block = content.get(i);
            blocks.getChildren().add(ContentBlockView.nth(i, () -> ContentBlockView.of(block, openResource, open)));
        }
        Node more = ContentBlockView.moreBlocks(content.size(), "content blocks", open);
        if (more != null) blocks.getChildren().add(more);
        if (blocks.getChildren().isEmpty()) blocks.getChildren().add(new Label("No content blocks."));
        ScrollPane scroll = new ScrollPane(blocks);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    /**
     * A tab whose content is built when it is first selected: the payload analysis parses and
     * indexes the whole result, work and memory a user who only reads the Content tab never asks
     * for; the raw text and the structured tree cost the first frame a user waits for.
     */
    private static Tab lazyTab(String title, java.util.function.Supplier<Node> build) {
        Tab t = tab(title, new Label("Loading…"));
        t.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) return;
                o.removeListener(this);
                t.setContent(build.get());
            }
        });
        return t;
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("result-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return t;
    }

    public JsonNode lastResult() {
        return lastResult;
    }

    public ResultAnalysis lastAnalysis() {
        return lastAnalysis;
    }
}
