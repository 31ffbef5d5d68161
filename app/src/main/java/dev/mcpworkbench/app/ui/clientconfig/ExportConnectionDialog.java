package dev.mcpworkbench.app.ui.clientconfig;

import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.config.McpClient;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** The view of {@link ExportConnectionModel}: the format, the preview, what the rules say, where to write. */
public final class ExportConnectionDialog extends Dialog<Void> {

    private final ExportConnectionModel model;

    public ExportConnectionDialog(Window owner, ExportConnectionModel model) {
        this.model = model;
        if (owner != null) initOwner(owner);
        setTitle("Export connection");
        setHeaderText("Export \u201c" + model.profile().name() + "\u201d to a client's configuration");
        setResizable(true);
        VBox content = new VBox(10, formatRow(), preview(), findings(), fileRow(), status());
        content.setPadding(new Insets(4, 0, 0, 0));
        getDialogPane().setContent(content);
        getDialogPane().setPrefSize(820, 620);
        getDialogPane().setMinSize(680, 480);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    }

    private Node formatRow() {
        ComboBox<McpClient> format = new ComboBox<>();
        format.setId("exportFormat");
        format.getItems().setAll(McpClient.values());
        format.valueProperty().bindBidirectional(model.clientProperty());
        Button copy = new Button("Copy", Icons.of(Feather.COPY));
        copy.setId("exportCopy");
        copy.setOnAction(e -> {
            ClipboardContent text = new ClipboardContent();
            text.putString(model.previewProperty().get());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(text);
            model.statusProperty().set("Copied the " + model.clientProperty().get().label() + " configuration.");
        });
        HBox row = new HBox(8, new Label("Format"), format, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node preview() {
        TextArea text = new TextArea();
        text.setId("exportPreview");
        text.setEditable(false);
        text.getStyleClass().add("mono");
        text.textProperty().bind(model.previewProperty());
        VBox.setVgrow(text, Priority.ALWAYS);
        return text;
    }

    private Node findings() {
        ListView<Finding> list = new ListView<>(model.findings());
        list.setId("exportFindings");
        list.setPrefHeight(96);
        list.setPlaceholder(new Label("The configuration rules find nothing in this entry."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.ruleId() + "  " + f.severity() + "  " + f.message()
                        + (f.evidence() == null || f.evidence().isBlank() ? "" : "  \u00b7 " + f.evidence()));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        Label title = new Label("What the configuration rules would say of this entry in the client's file");
        title.getStyleClass().add("pane-title");
        return new VBox(4, title, list);
    }

    private Node fileRow() {
        TextField path = new TextField();
        path.setId("exportFile");
        path.setEditable(false);
        path.textProperty().bind(Bindings.createStringBinding(() -> model.fileProperty().get() == null ? ""
                : model.fileProperty().get().toString(), model.fileProperty()));
        HBox.setHgrow(path, Priority.ALWAYS);
        Button choose = new Button("Choose\u2026", Icons.of(Feather.FOLDER));
        choose.setId("exportChooseFile");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("The configuration file to add the connection to");
            Path now = model.fileProperty().get();
            if (now != null) {
                chooser.setInitialFileName(now.getFileName().toString());
                File dir = now.getParent() == null ? null : now.getParent().toFile();
                if (dir != null && dir.isDirectory()) chooser.setInitialDirectory(dir);
            }
            File f = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
            if (f != null) model.fileProperty().set(f.toPath());
        });
        Button write = new Button("Add to file", Icons.of(Feather.SAVE));
        write.setId("exportWrite");
        write.disableProperty().bind(model.fileProperty().isNull());
        write.setOnAction(e -> model.write());
        Label label = new Label("File");
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {label, choose, write}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(8, label, path, choose, write);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node status() {
        Label status = new Label();
        status.setId("exportStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("text-muted");
        return status;
    }
}
