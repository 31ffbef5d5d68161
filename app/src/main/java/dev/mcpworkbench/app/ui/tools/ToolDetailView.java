package dev.mcpworkbench.app.ui.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.memory.HeapPolicy;
import dev.mcpworkbench.app.memory.JsonFootprint;
import dev.mcpworkbench.app.ui.common.EmptyState;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.common.Invisibles;
import dev.mcpworkbench.app.ui.common.Json;
import dev.mcpworkbench.app.ui.common.JsonTreeView;
import dev.mcpworkbench.app.ui.common.RevealedText;
import dev.mcpworkbench.app.ui.payload.PayloadTab;
import dev.mcpworkbench.inspector.payload.ResultMember;
import dev.mcpworkbench.app.ui.payload.PayloadWindow;
import dev.mcpworkbench.app.ui.payload.ResultAnalysis;
import dev.mcpworkbench.app.ui.tools.form.FormJsonEditor;
import dev.mcpworkbench.inspector.traffic.LongTextNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * One tool: description (invisible characters shown), annotations, schemas as trees, the
 * generated form beside the raw JSON, and the call with progress, cancel, timeout and result.
 */
public final class ToolDetailView extends VBox {

    private final Supplier<ToolCaller> caller;
    private final ToolResultPane result;
    private final Button call = new Button("Call", Icons.of(Feather.PLAY));
    private final Button cancel = new Button("Cancel", Icons.of(Feather.X_CIRCLE));
    private final ProgressBar progress = new ProgressBar();
    private final Label progressText = new Label();
    private final ComboBox<Integer> timeout = new ComboBox<>();
    private ToolItem tool;
    private FormJsonEditor editor;
    private FxTasks.Handle running;
    private Consumer<ToolCall> onResult = call -> { };
    /** Saved requests of the server on screen (the Saved tab), and the result on screen, which a save keeps. */
    private final dev.mcpworkbench.app.ui.tools.saved.SavedRequestsModel saved =
            new dev.mcpworkbench.app.ui.tools.saved.SavedRequestsModel(FxTasks.shared());
    private dev.mcpworkbench.app.ui.tools.saved.SavedRequestsPane savedPane;
    /** The saved request being replayed, whose answer is compared with its last result. */
    private dev.mcpworkbench.inspector.profile.SavedRequests.Request replaying;

    public ToolDetailView(Supplier<ToolCaller> caller, Consumer<String> openResource) {
        this.caller = caller;
        this.result = new ToolResultPane(openResource);
        // the Payload tab and its window use the analysis the Findings tab's check started: one parse per result
        result.addView(new ToolResultPane.ResultView("Payload", r -> PayloadTab.forAnalysis(analysisOf(r))));
        result.setDetachAction(r -> PayloadWindow.openToolResult(analysisOf(r)));
        setId("toolDetail");
        getStyleClass().add("tool-detail");
        call.setId("callButton");
        call.getStyleClass().add("accent");
        call.setDefaultButton(false);
        call.setTooltip(new Tooltip("Call the tool with these arguments (Ctrl+Enter)"));
        call.setOnAction(e -> callTool());
        cancel.setId("cancelButton");
        cancel.setTooltip(new Tooltip("Cancel the running call (Esc)"));
        cancel.setOnAction(e -> cancelCall());
        cancel.setDisable(true);
        progress.setVisible(false);
        progress.setPrefWidth(160);
        progressText.getStyleClass().add("text-muted");
        timeout.getItems().setAll(10, 30, 60, 120, 300, 600);
        timeout.setValue(60);
        timeout.setTooltip(new Tooltip("Give up on the call after this many seconds"));
        timeout.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer s) {
                return s == null ? "" : "timeout " + s + " s";
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replaceAll("\\D", ""));
            }
        });
        getChildren().setAll(new EmptyState(Feather.TOOL, "Select a tool",
                "Pick a tool on the left to see its description, schemas and a form to call it."));
    }

    public ToolResultPane resultPane() {
        return result;
    }

    public FormJsonEditor editor() {
        return editor;
    }

    public void show(ToolItem item) {
        if (item != null && tool != null && LongTextNode.sameJson(item.json(), tool.json()) && editor != null) {
            tool = item;
            return;
        }
        cancelCall();
        this.tool = item;
        if (item == null) {
            getChildren().setAll(new EmptyState(Feather.TOOL, "Select a tool",
                    "Pick a tool on the left to see its description, schemas and a form to call it."));
            return;
        }
        JsonNode json = item.json();
        editor = new FormJsonEditor(json.path("inputSchema"));
        call.disableProperty().bind(editor.validProperty().not());
        result.showEmpty();
        // a save keeps the call on screen (its arguments and result); before any call, what the Call tab holds
        savedPane = new dev.mcpworkbench.app.ui.tools.saved.SavedRequestsPane(saved, item.name(),
                this::argumentsToSave, result::lastResult, this::replay);
        TabPane tabs = new TabPane(
                tab("Call", callPane()),
                tab("Saved", savedPane),
                tab("Input schema", tree(json.path("inputSchema"))),
                tab("Output schema", json.has("outputSchema") ? tree(json.get("outputSchema"))
                        : new EmptyState(Feather.CODE, "No output schema", "This tool does not declare the shape of its structuredContent.")),
                tab("Definition", definition(json)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("toolTabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().setAll(header(item), tabs);
    }

    private Node header(ToolItem item) {
        JsonNode json = item.json();
        Label name = new Label(item.shownName());
        name.getStyleClass().add("title-3");
        name.setId("toolName");
        String title = json.path("title").asText(json.path("annotations").path("title").asText(""));
        HBox top = new HBox(10, name);
        top.setAlignment(Pos.BASELINE_LEFT);
        if (!title.isEmpty()) {
            Label t = new Label(Invisibles.reveal(title));
            t.getStyleClass().add("text-muted");
            top.getChildren().add(t);
        }
        String description = json.path("description").asText("");
        RevealedText desc = new RevealedText(description.isEmpty() ? "(no description)" : description);
        desc.setId("toolDescription");
        javafx.scene.Node descNode = desc;
        if (description.length() > 400 || description.lines().count() > 4) {
            ScrollPane descScroll = new ScrollPane(desc);
            descScroll.setFitToWidth(true);
            descScroll.setPrefViewportHeight(110);
            descScroll.getStyleClass().add("edge-to-edge");
            descNode = descScroll;
        }
        VBox box = new VBox(8, top, descNode);
        long hidden = Invisibles.count(description) + Invisibles.count(item.name());
        if (hidden > 0) {
            Label warn = new Label(hidden + " invisible character(s) in this tool's name or description",
                    Icons.of(Feather.EYE_OFF));
            warn.getStyleClass().add("warning-text");
            box.getChildren().add(warn);
        }
        FlowPane annotations = annotations(json.path("annotations"));
        if (!annotations.getChildren().isEmpty()) box.getChildren().add(annotations);
        box.setPadding(new Insets(14, 16, 8, 16));
        box.getStyleClass().add("tool-header");
        return box;
    }

    private static FlowPane annotations(JsonNode annotations) {
        FlowPane chips = new FlowPane(6, 6);
        chips.setId("toolAnnotations");
        for (Iterator<Map.Entry<String, JsonNode>> it = annotations.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            if (a.getKey().equals("title")) continue;
            Label chip = new Label(a.getKey() + ": " + Invisibles.reveal(a.getValue().asText(a.getValue().toString())));
            chip.getStyleClass().add("chip");
            if (a.getKey().equals("destructiveHint") && a.getValue().asBoolean()) chip.getStyleClass().add("chip-danger");
            chips.getChildren().add(chip);
        }
        return chips;
    }

    private Node callPane() {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, call, cancel, progress, progressText, grow, timeout);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("call-bar");
        VBox top = new VBox(editor, bar);
        VBox.setVgrow(editor, Priority.ALWAYS);
        SplitPane split = new SplitPane(top, result);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        return split;
    }

    private static Node tree(JsonNode schema) {
        JsonTreeView tree = new JsonTreeView();
        tree.setJson(schema);
        tree.expandTo(3);
        return tree;
    }

    private static Node definition(JsonNode json) {
        TextArea area = new TextArea(Json.pretty(json));
        area.setEditable(false);
        area.getStyleClass().add("mono");
        return area;
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        return t;
    }

    /** Ctrl+Enter. */
    public void callTool() {
        if (tool == null || editor == null || running != null) return;
        ToolCaller c = caller.get();
        if (c == null) {
            result.showError("Not connected: this is a snapshot. Connect to the server (Ctrl+K) to call tools.");
            return;
        }
        ObjectNode args = editor.arguments().orElse(null);
        if (args == null) {
            result.showError("The arguments are not valid JSON: " + editor.errorProperty().get());
            return;
        }
        String name = tool.name();
        JsonNode definition = tool.json();
        long started = System.nanoTime();
        setRunning(true);
        progressText.setText("Calling " + Invisibles.reveal(name) + "…");
        running = FxTasks.shared().run("Calling " + name, Duration.ofSeconds(timeout.getValue()),
                () -> {
                    dev.mcpworkbench.app.ui.payload.Reply reply = c.reply(name, args, p -> Platform.runLater(() -> showProgress(p)));
                    JsonNode answer = reply.result();
                    // sized here, off the FX thread: a big result gets heap room before it is shown and checked
                    return new Answer(answer, reply.sentAs(),
                            HeapPolicy.shared().hold(JsonFootprint.bytes(answer), "the result of " + name));
                },
                answer -> {
                    setRunning(false);
                    JsonNode r = answer.result();
                    ResultAnalysis analysis = new ResultAnalysis(name, definition, args, r, answer.sentAs());
                    analysis.holdHeap(answer.heapLease());
                    result.show(r, Duration.ofNanos(System.nanoTime() - started), analysis);
                    if (replaying != null) {
                        savedPane.compare(replaying, r);
                        saved.replayed(replaying, r);
                        replaying = null;
                    }
                    onResult.accept(new ToolCall(name, definition, args, r, analysis));
                },
                e -> {
                    setRunning(false);
                    replaying = null;
                    result.showError(FxTasks.message(e));
                });
    }

    /**
     * A call's result, where it lies in the bytes the server sent (or null), and its claim on the
     * heap, which its analysis holds while the result is on screen.
     */
    private record Answer(JsonNode result, ResultMember.Slice sentAs, HeapPolicy.Lease heapLease) implements AutoCloseable {
        /** Only for an answer that came after its call was cancelled or timed out: nothing will show it. */
        @Override
        public void close() {
            if (heapLease != null) heapLease.close();
        }
    }

    /** Replays a saved request: its arguments go into the Call tab and the tool is called with them. */
    public void replay(dev.mcpworkbench.inspector.profile.SavedRequests.Request request) {
        if (tool == null || editor == null || running != null || !tool.name().equals(request.tool())) return;
        editor.setArguments(request.arguments());
        replaying = request;
        callTool();
        if (running == null) replaying = null;
    }

    /** The saved requests of the server on screen. */
    public dev.mcpworkbench.app.ui.tools.saved.SavedRequestsModel savedRequests() {
        return saved;
    }

    /** The Saved tab of the tool on screen, or null. */
    public dev.mcpworkbench.app.ui.tools.saved.SavedRequestsPane savedPane() {
        return savedPane;
    }

    /**
     * What a save keeps: the arguments of the result on screen (the result pane holds it and lets go
     * of it when it leaves the screen), or before any call what the Call tab holds.
     */
    private java.util.Optional<ObjectNode> argumentsToSave() {
        ResultAnalysis shown = result.lastAnalysis();
        if (shown != null && shown.arguments() instanceof ObjectNode made) return java.util.Optional.of(made);
        return editor.arguments();
    }

    /** The shown result's analysis; a result shown without one (none today) gets its own. */
    private ResultAnalysis analysisOf(JsonNode r) {
        ResultAnalysis shown = result.lastAnalysis();
        if (shown != null && shown.result() == r) return shown;
        return new ResultAnalysis(tool == null ? "" : tool.name(), tool == null ? null : tool.json(), null, r);
    }

    /** Told of every call that returned a result (the Findings tab checks it with the dynamic rules). */
    public void onResult(Consumer<ToolCall> listener) {
        onResult = listener;
    }

    /** Esc. */
    public void cancelCall() {
        if (running != null) running.cancel();
    }

    private void setRunning(boolean on) {
        if (!on) running = null;
        cancel.setDisable(!on);
        progress.setVisible(on);
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        if (!on) progressText.setText("");
        if (call.disableProperty().isBound()) {
            call.disableProperty().unbind();
        }
        if (on) call.setDisable(true);
        else if (editor != null) call.disableProperty().bind(editor.validProperty().not());
    }

    private void showProgress(ToolCaller.Progress p) {
        if (running == null) return;
        if (p.total() != null && p.total() > 0) progress.setProgress(p.progress() / p.total());
        String text = p.message() == null || p.message().isBlank() ? "" : Invisibles.reveal(p.message()) + "  ";
        progressText.setText(text + (p.total() == null ? String.valueOf(p.progress()) : (long) p.progress() + " / " + p.total().longValue()));
    }

    public boolean isCalling() {
        return running != null;
    }
}
