package dev.mcpworkbench.app.ui.resources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.app.ui.common.EmptyState;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.common.Invisibles;
import dev.mcpworkbench.app.ui.common.RevealedText;
import dev.mcpworkbench.app.ui.tools.ContentBlockView;
import dev.mcpworkbench.app.ui.workspace.LiveServer;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Prompts: list, fill the arguments, get the messages. */
public final class PromptsView extends SplitPane {

    private final Supplier<LiveServer> server;
    private final ListView<JsonNode> prompts = new ListView<>();
    private final VBox detail = new VBox(10);
    private final VBox messages = new VBox(10);

    public PromptsView(Supplier<LiveServer> server) {
        this.server = server;
        setId("promptsView");
        prompts.setId("promptList");
        prompts.setCellFactory(lv -> new ItemCell("description"));
        prompts.setPlaceholder(new Label("No prompts."));
        prompts.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) showPrompt(now);
        });
        detail.setPadding(new Insets(14, 16, 14, 16));
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        getItems().addAll(prompts, scroll);
        setDividerPositions(0.3);
        detail.getChildren().setAll(new EmptyState(Feather.MESSAGE_SQUARE, "Select a prompt",
                "Pick a prompt, fill its arguments and press Get to see the messages it produces."));
    }

    public void show(ServerSnapshot snapshot) {
        prompts.getItems().setAll(snapshot.prompts());
    }

    private void showPrompt(JsonNode prompt) {
        String name = prompt.path("name").asText("");
        Label title = new Label(Invisibles.reveal(name));
        title.getStyleClass().add("title-3");
        GridPane args = new GridPane();
        args.setHgap(8);
        args.setVgap(6);
        Map<String, TextField> fields = new LinkedHashMap<>();
        int row = 0;
        for (JsonNode a : prompt.path("arguments")) {
            String argName = a.path("name").asText("");
            TextField f = new TextField();
            f.setId("arg-" + argName);
            f.setPromptText(Invisibles.reveal(a.path("description").asText("")));
            if (a.has("description")) f.setTooltip(new Tooltip(Invisibles.reveal(a.get("description").asText())));
            fields.put(argName, f);
            Label l = new Label(Invisibles.reveal(argName) + (a.path("required").asBoolean(false) ? " *" : ""));
            args.addRow(row++, l, f);
        }
        Button get = new Button("Get", Icons.of(Feather.PLAY));
        get.setId("getPrompt");
        get.getStyleClass().add("accent");
        get.setOnAction(e -> get(name, fields));
        messages.getChildren().clear();
        detail.getChildren().setAll(title, new RevealedText(prompt.path("description").asText("")), args, get, messages);
    }

    private void get(String name, Map<String, TextField> fields) {
        LiveServer s = server.get();
        if (s == null) {
            messages.getChildren().setAll(new Label("Not connected: connect to the server (Ctrl+K) to get prompts."));
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((k, f) -> {
            if (!f.getText().isEmpty()) values.put(k, f.getText());
        });
        messages.getChildren().setAll(new Label("Getting " + Invisibles.reveal(name) + "…"));
        FxTasks.shared().run("Getting prompt " + name, Duration.ofSeconds(60), () -> s.getPromptReply(name, values), reply -> {
            messages.getChildren().clear();
            JsonNode result = reply.result();
            Runnable openWhole = () -> dev.mcpworkbench.app.ui.payload.PayloadWindow.open(name, reply);
            JsonNode all = result.path("messages");
            // bounded: a text is previewed, and only the first messages are laid out
            for (int i = 0; i < Math.min(all.size(), ContentBlockView.BLOCK_LIMIT); i++) {
                JsonNode m = all.get(i);
                messages.getChildren().add(ContentBlockView.nth(i, () -> {
                    Label role = new Label(m.path("role").asText("?"));
                    role.getStyleClass().add("chip");
                    return new VBox(4, role, ContentBlockView.of(m.path("content"), uri -> { }, openWhole));
                }));
            }
            javafx.scene.Node more = ContentBlockView.moreBlocks(all.size(), "messages", openWhole);
            if (more != null) messages.getChildren().add(more);
            if (messages.getChildren().isEmpty()) messages.getChildren().add(new Label("The prompt returned no messages."));
            messages.getChildren().add(dev.mcpworkbench.app.ui.payload.PayloadWindow.button(name, reply));
        }, e -> {
            Label l = new Label(FxTasks.message(e), Icons.of(Feather.ALERT_TRIANGLE));
            l.getStyleClass().add("danger-text");
            l.setWrapText(true);
            messages.getChildren().setAll(l);
        });
    }
}
