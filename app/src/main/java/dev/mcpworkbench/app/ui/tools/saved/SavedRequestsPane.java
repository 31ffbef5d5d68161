package dev.mcpworkbench.app.ui.tools.saved;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.ui.common.EmptyState;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.payload.PayloadDiffView;
import dev.mcpworkbench.inspector.payload.Payload;
import dev.mcpworkbench.inspector.payload.PayloadParser;
import dev.mcpworkbench.inspector.profile.SavedRequests.Request;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
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
import org.kordamp.ikonli.feather.Feather;

/**
 * The Saved tab of one tool: save the arguments in the Call tab (with the result on screen), replay
 * a saved request in one click, and see the replay's result compared with the request's last one.
 */
public final class SavedRequestsPane extends VBox {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SavedRequestsModel model;
    private final String tool;
    private final ListView<Request> list = new ListView<>();
    private final StackPane comparison = new StackPane();

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
        comparison.setId("savedComparison");
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

    /** A replay of {@code request} answered {@code now}: shows it beside the request's last result. */
    public void compare(Request request, JsonNode now) {
        if (request.lastResult() == null) {
            comparison.getChildren().setAll(new EmptyState(Feather.GIT_PULL_REQUEST, "Nothing to compare yet",
                    "\u201c" + request.name() + "\u201d had no result kept; the next replay is compared with this one."));
            return;
        }
        try {
            Payload before = PayloadParser.defaults().parse(MAPPER.writeValueAsBytes(request.lastResult()));
            Payload after = PayloadParser.defaults().parse(MAPPER.writeValueAsBytes(now));
            Label title = new Label("\u201c" + request.name() + "\u201d: last result (left) and this replay (right)");
            title.getStyleClass().add("pane-title");
            PayloadDiffView diff = new PayloadDiffView(before, after);
            diff.setId("savedDiff");
            VBox.setVgrow(diff, Priority.ALWAYS);
            comparison.getChildren().setAll(new VBox(4, title, diff));
        } catch (Exception e) {
            comparison.getChildren().setAll(new Label("Cannot compare: " + e.getMessage()));
        }
    }

    /** The diff on screen, or null (tests). */
    public PayloadDiffView diffView() {
        Node n = comparison.lookup("#savedDiff");
        return n instanceof PayloadDiffView d ? d : null;
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
