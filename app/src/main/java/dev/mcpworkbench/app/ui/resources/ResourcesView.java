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
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Resources and resource templates: list, fill a template's variables, read, show the contents. */
public final class ResourcesView extends SplitPane {

    private final Supplier<LiveServer> server;
    private final ListView<JsonNode> resources = new ListView<>();
    private final ListView<JsonNode> templates = new ListView<>();
    private final VBox detail = new VBox(10);
    private final VBox contents = new VBox(10);

    public ResourcesView(Supplier<LiveServer> server) {
        this.server = server;
        setId("resourcesView");
        resources.setId("resourceList");
        resources.setCellFactory(lv -> new ItemCell("uri"));
        templates.setId("templateList");
        templates.setCellFactory(lv -> new ItemCell("uriTemplate"));
        resources.setPlaceholder(new Label("No resources."));
        templates.setPlaceholder(new Label("No resource templates."));
        resources.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                templates.getSelectionModel().clearSelection();
                showResource(now);
            }
        });
        templates.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                resources.getSelectionModel().clearSelection();
                showTemplate(now);
            }
        });
        Label r = new Label("Resources");
        r.getStyleClass().add("pane-title");
        Label t = new Label("Templates");
        t.getStyleClass().add("pane-title");
        VBox left = new VBox(6, r, resources, t, templates);
        left.setPadding(new Insets(10));
        VBox.setVgrow(resources, Priority.ALWAYS);
        VBox.setVgrow(templates, Priority.SOMETIMES);
        detail.setPadding(new Insets(14, 16, 14, 16));
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        getItems().addAll(left, scroll);
        setDividerPositions(0.3);
        clearDetail();
    }

    public void show(ServerSnapshot snapshot) {
        resources.getItems().setAll(snapshot.resources());
        templates.getItems().setAll(snapshot.resourceTemplates());
        clearDetail();
    }

    private void clearDetail() {
        detail.getChildren().setAll(new EmptyState(Feather.FILE_TEXT, "Select a resource",
                "Pick a resource to read it, or a template to fill its variables and read the result."));
    }

    private void showResource(JsonNode resource) {
        String uri = resource.path("uri").asText("");
        Button read = new Button("Read", Icons.of(Feather.DOWNLOAD));
        read.setId("readResource");
        read.getStyleClass().add("accent");
        read.setOnAction(e -> read(uri));
        detail.getChildren().setAll(header(resource, uri), read, contents);
        contents.getChildren().clear();
    }

    private void showTemplate(JsonNode template) {
        String pattern = template.path("uriTemplate").asText("");
        GridPane vars = new GridPane();
        vars.setHgap(8);
        vars.setVgap(6);
        Map<String, TextField> fields = new LinkedHashMap<>();
        int row = 0;
        for (String v : UriTemplates.variables(pattern)) {
            TextField f = new TextField();
            f.setId("var-" + v);
            fields.put(v, f);
            vars.addRow(row++, new Label(v), f);
        }
        Label preview = new Label(pattern);
        preview.getStyleClass().add("mono");
        Runnable update = () -> preview.setText(UriTemplates.expand(pattern, values(fields)));
        fields.values().forEach(f -> f.textProperty().addListener((o, a, b) -> update.run()));
        Button read = new Button("Read", Icons.of(Feather.DOWNLOAD));
        read.setId("readTemplate");
        read.getStyleClass().add("accent");
        read.setOnAction(e -> read(UriTemplates.expand(pattern, values(fields))));
        detail.getChildren().setAll(header(template, pattern), vars, preview, read, contents);
        contents.getChildren().clear();
    }

    private static Map<String, String> values(Map<String, TextField> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, f) -> out.put(k, f.getText()));
        return out;
    }

    private static Node header(JsonNode item, String uri) {
        Label name = new Label(Invisibles.reveal(item.path("name").asText(uri)));
        name.getStyleClass().add("title-3");
        Label u = new Label(Invisibles.reveal(uri) + (item.has("mimeType") ? "  ·  " + item.get("mimeType").asText() : ""));
        u.getStyleClass().add("text-muted");
        VBox box = new VBox(6, name, u);
        String d = item.path("description").asText("");
        if (!d.isEmpty()) box.getChildren().add(new RevealedText(d));
        return box;
    }

    /** Reads {@code uri} and shows its contents (also used by resource links in tool results). */
    public void read(String uri) {
        LiveServer s = server.get();
        if (s == null) {
            contents.getChildren().setAll(new Label("Not connected: connect to the server (Ctrl+K) to read resources."));
            return;
        }
        contents.getChildren().setAll(new Label("Reading " + Invisibles.reveal(uri) + "…"));
        FxTasks.shared().run("Reading " + uri, Duration.ofSeconds(60), () -> s.readResourceReply(uri), reply -> {
            contents.getChildren().clear();
            JsonNode result = reply.result();
            Runnable openWhole = () -> dev.mcpworkbench.app.ui.payload.PayloadWindow.open(uri, reply);
            JsonNode all = result.path("contents");
            // bounded: a text is previewed, and only the first entries are laid out
            for (int i = 0; i < Math.min(all.size(), ContentBlockView.BLOCK_LIMIT); i++) {
                JsonNode c = all.get(i);
                contents.getChildren().add(ContentBlockView.nth(i, () -> {
                    Label u = new Label(Invisibles.reveal(c.path("uri").asText("")) + "  ·  " + c.path("mimeType").asText(""));
                    u.getStyleClass().add("text-muted");
                    Node body = c.has("text") ? ContentBlockView.text(c.get("text"), openWhole)
                            : new Label(String.format("binary, %,d bytes", ContentBlockView.base64Bytes(c.path("blob"))));
                    return new VBox(4, u, body);
                }));
            }
            Node more = ContentBlockView.moreBlocks(all.size(), "contents", openWhole);
            if (more != null) contents.getChildren().add(more);
            if (contents.getChildren().isEmpty()) contents.getChildren().add(new Label("The resource has no contents."));
            contents.getChildren().add(dev.mcpworkbench.app.ui.payload.PayloadWindow.button(uri, reply));
        }, e -> contents.getChildren().setAll(errorLabel(e)));
    }

    private static Label errorLabel(Throwable e) {
        Label l = new Label(FxTasks.message(e), Icons.of(Feather.ALERT_TRIANGLE));
        l.getStyleClass().add("danger-text");
        l.setWrapText(true);
        return l;
    }
}
