package dev.mcpworkbench.app.ui.clientconfig;

import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.inspector.rules.Finding;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** The view of {@link ImportConnectionsModel}: where to read, the entries to tick, what the rules found. */
public final class ImportConnectionsDialog extends Dialog<List<ProfileFields>> {

    public static final ButtonType IMPORT = new ButtonType("_Import", ButtonBar.ButtonData.OK_DONE);

    private final ImportConnectionsModel model;

    public ImportConnectionsDialog(Window owner, ImportConnectionsModel model) {
        this.model = model;
        if (owner != null) initOwner(owner);
        setTitle("Import connections");
        setHeaderText("Import servers from Claude Desktop, Claude Code, Cursor, VS Code or Windsurf");
        setResizable(true);
        VBox content = new VBox(10, sourceRow(), entries(), findings(), status());
        content.setPadding(new Insets(4, 0, 0, 0));
        getDialogPane().setContent(content);
        getDialogPane().setPrefSize(940, 640);
        getDialogPane().setMinSize(720, 480);
        getDialogPane().getButtonTypes().setAll(IMPORT, ButtonType.CANCEL);
        Node importButton = getDialogPane().lookupButton(IMPORT);
        importButton.setId("importConnectionsButton");
        importButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.rows().stream()
                .noneMatch(r -> r.importable() && r.selectedProperty().get()), model.rows()));
        setResultConverter(b -> b == IMPORT ? model.chosen() : null);
    }

    private Node sourceRow() {
        ComboBox<ImportConnectionsModel.Location> where = new ComboBox<>(model.locations());
        where.setId("importSource");
        where.setPromptText("Client configurations on this machine");
        where.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(where, Priority.ALWAYS);
        where.valueProperty().addListener((o, was, now) -> {
            if (now != null && now.exists() && !now.file().equals(model.fileProperty().get())) model.read(now.file());
        });
        model.fileProperty().addListener((o, was, now) -> model.locations().stream()
                .filter(l -> l.file().equals(now)).findFirst().ifPresent(where::setValue));
        model.locations().addListener((ListChangeListener<ImportConnectionsModel.Location>) c -> model.locations().stream()
                .filter(l -> l.file().equals(model.fileProperty().get())).findFirst().ifPresent(where::setValue));
        Button choose = new Button("Choose file\u2026", Icons.of(Feather.FOLDER));
        choose.setId("importChooseFile");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("A client configuration file");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON (*.json)", "*.json"),
                    new FileChooser.ExtensionFilter("All files", "*.*"));
            File f = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (f != null) model.read(f.toPath());
        });
        where.setPrefWidth(200); // grows into the row; its items are long paths
        Label from = new Label("From");
        from.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        choose.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(8, from, where, choose);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node entries() {
        TableView<ImportConnectionsModel.Row> table = new TableView<>(model.rows());
        table.setId("importEntries");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No servers read yet"));
        TableColumn<ImportConnectionsModel.Row, Boolean> tick = new TableColumn<>();
        tick.setCellValueFactory(c -> c.getValue().selectedProperty());
        tick.setCellFactory(CheckBoxTableCell.forTableColumn(tick));
        tick.setEditable(true);
        tick.setMaxWidth(34);
        tick.setMinWidth(34);
        TableColumn<ImportConnectionsModel.Row, String> name = column("Connection", 170, r -> r.name()
                + (r.name().equals(r.entryName()) ? "" : "  (\u201c" + r.entryName() + "\u201d is taken)"));
        TableColumn<ImportConnectionsModel.Row, String> kind = column("Transport", 110, r -> r.importable() ? r.kind().toString() : "none");
        TableColumn<ImportConnectionsModel.Row, String> target = column("Command or URL", 330, r -> r.importable() ? r.target()
                : "neither a command nor a URL: not imported");
        TableColumn<ImportConnectionsModel.Row, String> found = column("Findings", 120, r -> r.findings().isEmpty() ? "none"
                : r.findings().size() + " (" + r.findings().stream().map(Finding::ruleId).distinct().reduce((a, b) -> a + ", " + b).orElse("") + ")");
        table.getColumns().setAll(List.of(tick, name, kind, target, found));
        VBox.setVgrow(table, Priority.ALWAYS);
        return table;
    }

    private static TableColumn<ImportConnectionsModel.Row, String> column(String title, double width,
            java.util.function.Function<ImportConnectionsModel.Row, String> text) {
        TableColumn<ImportConnectionsModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new SimpleStringProperty(text.apply(r.getValue())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    private Node findings() {
        ObservableList<String> lines = FXCollections.observableArrayList();
        model.rows().addListener((ListChangeListener<ImportConnectionsModel.Row>) c -> lines.setAll(model.rows().stream()
                .flatMap(r -> r.findings().stream().map(f -> line(r, f))).toList()));
        ListView<String> list = new ListView<>(lines);
        list.setId("importFindings");
        list.setPrefHeight(150);
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of scrolling sideways
            }
        });
        list.setPlaceholder(new Label("The configuration rules found nothing in this file."));
        Label title = new Label("What the configuration rules found (secrets are masked here, and imported as written)");
        title.getStyleClass().add("pane-title");
        return new VBox(4, title, list);
    }

    private static String line(ImportConnectionsModel.Row row, Finding f) {
        String evidence = f.evidence() == null || f.evidence().isBlank() ? "" : "  \u00b7 " + f.evidence();
        return f.ruleId() + "  " + f.severity() + "  " + row.name() + ": " + f.message() + evidence;
    }

    private Node status() {
        Label status = new Label();
        status.setId("importStatus");
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        status.getStyleClass().add("text-muted");
        return status;
    }
}
