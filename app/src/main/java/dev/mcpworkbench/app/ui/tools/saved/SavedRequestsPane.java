package dev.mcpworkbench.app.ui.tools.saved;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.ui.common.EmptyState;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.payload.PayloadDiffView;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.inspector.payload.Payload;
import dev.mcpworkbench.inspector.payload.PayloadDiff;
import dev.mcpworkbench.inspector.payload.PayloadParser;
import dev.mcpworkbench.inspector.profile.SavedRequests.Request;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Saved tab of one tool: save the arguments in the Call tab (with the result on screen), replay
 * a saved request in one click, and see the replay's result compared with the request's last one.
 */
public final class SavedRequestsPane extends VBox {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** As the payload viewer's own comparison: past that many, "+". */
    private static final int LIMIT = 500;

    private final SavedRequestsModel model;
    private final String tool;
    private final ListView<Request> list = new ListView<>();
    private final StackPane comparison = new StackPane();
    private final ListView<PayloadDiff.Change> changes = new ListView<>();

    /**
     * @param arguments what the Call tab would send now (empty while its JSON does not parse)
     * @param result    the result on screen for this tool, or null
     * @param replay    fills the Call tab with a request's arguments and calls the tool
     */
    public SavedRequestsPane(SavedRequestsModel model, String tool, Supplier<Optional<ObjectNode>> arguments,
                             Supplier<JsonNode> result, Consumer<Request> replay) {
        this.model = model;
        this.tool = tool;
        setId("savedRequests");
        setSpacing(8);
        setPadding(new Insets(10, 12, 10, 12));
        Button save = new Button("Save request\u2026", Icons.of(Feather.BOOKMARK));
        save.setId("saveRequestButton");
        save.setOnAction(e -> arguments.get().ifPresent(args -> askName().ifPresent(name -> model.save(name, tool, args, result.get()))));
        Label where = new Label();
        where.textProperty().bind(model.whereProperty());
        where.getStyleClass().add("text-muted");
        Label status = new Label();
        status.setId("savedRequestsStatus");
        status.textProperty().bind(model.statusProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, save, status, grow, where);
        bar.setAlignment(Pos.CENTER_LEFT);
        list.setId("savedRequestList");
        list.setPrefHeight(140);
        list.setMinHeight(90);
        list.setPlaceholder(new Label("No saved requests for this tool: fill the Call tab, call it, then Save request."));
        list.setCellFactory(v -> new RequestCell(replay));
        model.requests().addListener((ListChangeListener<Request>) c -> refresh());
        refresh();
        changes.setId("savedChanges");
        changes.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PayloadDiff.Change c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.kind() + "  " + c.pointer() + "   " + c.leftPreview() + "  \u2192  " + c.rightPreview());
            }
        });
        VBox.setVgrow(changes, Priority.ALWAYS);
        comparison.setId("savedComparison");
        comparison.setMinWidth(0);
        where.setMinWidth(0);
        comparison.getChildren().setAll(new EmptyState(Feather.GIT_PULL_REQUEST, "Replay a request",
                "Its result is compared here with the result of its last run."));
        VBox.setVgrow(comparison, Priority.ALWAYS);
        getChildren().setAll(bar, list, comparison);
    }

    private Optional<String> askName() {
        TextInputDialog ask = new TextInputDialog(tool);
        if (getScene() != null) ask.initOwner(getScene().getWindow());
        ask.setTitle("Save request");
        ask.setHeaderText("Save this call of " + tool + " with its arguments");
        ask.setContentText("Name");
        return ask.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private void refresh() {
        list.getItems().setAll(model.of(tool));
    }

    /**
     * A replay of {@code request} answered {@code now}: the differences from the request's last
     * result are listed here (computed off the FX thread), and "Side by side…" opens both results
     * in a window of their own, where there is room for two trees.
     */
    public void compare(Request request, JsonNode now) {
        if (request.lastResult() == null) {
            comparison.getChildren().setAll(new EmptyState(Feather.GIT_PULL_REQUEST, "Nothing to compare yet",
                    "\u201c" + request.name() + "\u201d had no result kept; the next replay is compared with this one."));
            return;
        }
        Label title = new Label("\u201c" + request.name() + "\u201d: comparing this replay with the last result\u2026");
        title.getStyleClass().add("pane-title");
        title.setId("savedComparisonTitle");
        changes.getItems().clear();
        comparison.getChildren().setAll(new VBox(4, title, changes));
        FxTasks.shared().run("Comparing results", Duration.ofSeconds(60), () -> {
            Payload before = PayloadParser.defaults().parse(MAPPER.writeValueAsBytes(request.lastResult()));
            Payload after = PayloadParser.defaults().parse(MAPPER.writeValueAsBytes(now));
            return new Compared(before, after, PayloadDiff.diff(before, after, LIMIT));
        }, done -> {
            changes.getItems().setAll(done.changes());
            Button sideBySide = new Button("Side by side\u2026", Icons.of(Feather.COLUMNS));
            sideBySide.setId("savedSideBySide");
            sideBySide.getStyleClass().add("small");
            sideBySide.setOnAction(e -> openSideBySide(request.name(), done));
            title.setText("\u201c" + request.name() + "\u201d against its last result: " + (done.changes().isEmpty() ? "no differences"
                    : done.changes().size() + (done.changes().size() >= LIMIT ? "+" : "") + " difference(s)"));
            HBox head = new HBox(10, title, sideBySide);
            head.setAlignment(Pos.CENTER_LEFT);
            comparison.getChildren().setAll(new VBox(4, head, changes));
        }, e -> title.setText("Cannot compare: " + FxTasks.message(e)));
    }

    private record Compared(Payload before, Payload after, List<PayloadDiff.Change> changes) {
    }

    private void openSideBySide(String name, Compared compared) {
        Stage stage = new Stage();
        stage.setTitle("Saved request \u00b7 " + name + " \u00b7 last result | this replay");
        if (getScene() != null) stage.initOwner(getScene().getWindow());
        Scene scene = new Scene(new PayloadDiffView(compared.before(), compared.after()), 1200, 750);
        if (getScene() != null) scene.getStylesheets().setAll(getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
    }

    /** The differences between the last replay's result and the one before it. */
    public ListView<PayloadDiff.Change> changes() {
        return changes;
    }

    public ListView<Request> list() {
        return list;
    }

    private final class RequestCell extends ListCell<Request> {
        private final Consumer<Request> replay;

        RequestCell(Consumer<Request> replay) {
            this.replay = replay;
        }

        @Override
        protected void updateItem(Request r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(r.name());
            name.getStyleClass().add("text-bold");
            Label args = new Label(r.arguments().toString());
            args.getStyleClass().addAll("text-muted", "mono");
            HBox.setHgrow(args, Priority.ALWAYS);
            args.setMaxWidth(Double.MAX_VALUE);
            Button run = new Button("Replay", Icons.of(Feather.PLAY));
            run.getStyleClass().add("small");
            run.setId("replay-" + r.name());
            run.setOnAction(e -> replay.accept(r));
            Button delete = new Button(null, Icons.of(Feather.TRASH_2));
            delete.getStyleClass().addAll("small", "flat");
            delete.setOnAction(e -> model.delete(r));
            HBox row = new HBox(8, run, name, args, delete);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
            setText(null);
        }
    }
}
