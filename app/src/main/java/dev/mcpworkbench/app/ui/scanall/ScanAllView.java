package dev.mcpworkbench.app.ui.scanall;

import dev.mcpworkbench.app.scan.ServerStatus;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.app.ui.findings.ExportFormat;
import dev.mcpworkbench.app.ui.findings.FindingDetailPane;
import dev.mcpworkbench.app.ui.findings.RuleDocDialog;
import dev.mcpworkbench.app.ui.findings.SeverityBadge;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Scan all window's content: the saved connections with tick boxes and, as the run goes, each
 * one's state, tools and findings by severity; under it the findings of the whole set (cross-server
 * ones included) with the selected finding's detail, as on the Findings tab.
 */
public final class ScanAllView extends BorderPane {

    private static final Severity[] COUNTED = {Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW};

    private final ScanAllModel model;
    private final TableView<ServerRow> servers = new TableView<>();
    private final TableView<SetFinding> findings = new TableView<>();
    private final FindingDetailPane detail;
    private final Label detailServer = new Label();

    private final Consumer<dev.mcpworkbench.app.ui.connect.ProfileFields> connectAlone;

    /** @param connectAlone connects one saved connection in the main window (double click, or the row's menu) */
    public ScanAllView(ScanAllModel model, Consumer<String> openLink, Consumer<dev.mcpworkbench.app.ui.connect.ProfileFields> connectAlone) {
        this.model = model;
        this.connectAlone = connectAlone;
        setId("scanAllView");
        getStyleClass().add("scan-all-view");
        getStylesheets().add(SeverityBadge.STYLESHEET);
        detail = new FindingDetailPane(item -> { }, item -> { }, item -> RuleDocDialog.show(getScene().getWindow(), item), openLink);
        detail.hideSuppressActions();
        setTop(header());
        SplitPane results = new SplitPane(findingsTable(), detailSide());
        results.setDividerPositions(0.58);
        SplitPane main = new SplitPane(serversTable(), results);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.4);
        setCenter(main);
        model.selectedProperty().addListener((o, was, now) -> {
            detail.show(now == null ? null : now.item(), now == null ? null : now.snapshot());
            detailServer.setText(now == null ? "" : "Server: " + now.server());
        });
        findings.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selectedProperty().set(now));
    }

    private VBox header() {
        Label title = new Label("Scan all saved connections");
        title.getStyleClass().add("findings-title");
        Label status = new Label();
        status.setId("scanAllStatus");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        VBox titles = new VBox(2, title, status);
        HBox.setHgrow(titles, Priority.ALWAYS);

        Button start = new Button("Start", Icons.of(Feather.PLAY));
        start.setId("scanAllStart");
        start.setDefaultButton(true);
        start.disableProperty().bind(model.canStartProperty().not());
        start.setOnAction(e -> model.start());
        Button cancel = new Button("Cancel", Icons.of(Feather.X_CIRCLE));
        cancel.setId("scanAllCancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        MenuButton export = new MenuButton("Export", Icons.of(Feather.DOWNLOAD));
        export.setId("scanAllExport");
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem(format.label() + " (." + format.extension() + ")");
            item.setId("scanAllExport-" + format.extension());
            item.setOnAction(e -> chooseAndExport(format));
            export.getItems().add(item);
        }
        export.disableProperty().bind(model.resultProperty().isNull().or(model.exportingProperty()).or(model.runningProperty()));
        for (Region r : new Region[] {start, cancel, export}) r.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, titles, start, cancel, export);
        bar.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setId("scanAllProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        VBox top = new VBox(10, bar, progress);
        top.setPadding(new Insets(14, 14, 10, 14));
        return top;
    }

    private TableView<ServerRow> serversTable() {
        servers.setId("scanAllServers");
        servers.setItems(model.rows());
        servers.setEditable(true);
        // the last column (the error) takes the width left, so nothing hides past the right edge
        servers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        servers.setPlaceholder(new Label("No saved connections. Add one in the sidebar, or use File \u203a Import connections\u2026"));
        TableColumn<ServerRow, Boolean> tick = new TableColumn<>();
        CheckBox all = new CheckBox();
        all.setId("scanAllTickAll");
        all.setSelected(true);
        all.setTooltip(new Tooltip("Tick or untick every connection"));
        all.setOnAction(e -> model.rows().forEach(r -> r.tickedProperty().set(all.isSelected())));
        all.disableProperty().bind(model.runningProperty());
        // the header box says whether all, none or some are ticked
        model.rows().addListener((javafx.beans.Observable o) -> {
            long ticked = model.rows().stream().filter(r -> r.tickedProperty().get()).count();
            all.setIndeterminate(ticked > 0 && ticked < model.rows().size());
            all.setSelected(ticked > 0 && ticked == model.rows().size());
        });
        tick.setGraphic(all);
        tick.setCellValueFactory(c -> c.getValue().tickedProperty());
        tick.setCellFactory(c -> new TickCell());
        tick.setEditable(true);
        fixed(tick, 38);
        TableColumn<ServerRow, String> name = text("Connection", ServerRow::name);
        name.setPrefWidth(150);
        TableColumn<ServerRow, String> target = text("Target", r -> r.profile().target());
        target.setPrefWidth(210);
        TableColumn<ServerRow, ServerRow> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        state.setCellFactory(c -> new StateCell());
        state.setPrefWidth(200);
        TableColumn<ServerRow, String> tools = text("Tools", r -> r.tools() < 0 ? "" : Integer.toString(r.tools()));
        fixed(tools, 56);
        servers.getColumns().addAll(java.util.List.of(tick, name, target, state, tools));
        for (Severity severity : COUNTED) {
            TableColumn<ServerRow, ServerRow> count = new TableColumn<>();
            count.setGraphic(new SeverityBadge(severity));
            count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
            count.setCellFactory(c -> new CountCell(severity));
            fixed(count, 76);
            servers.getColumns().add(count);
        }
        TableColumn<ServerRow, String> error = text("Error", ServerRow::error);
        error.setId("scanAllErrorColumn");
        error.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        });
        error.setPrefWidth(240);
        servers.getColumns().add(error);
        // one server alone, in the main window: where a server that needs authorization gets it
        servers.setRowFactory(t -> {
            javafx.scene.control.TableRow<ServerRow> row = new javafx.scene.control.TableRow<>();
            MenuItem connect = new MenuItem("Connect alone in the main window", Icons.of(Feather.LOG_IN));
            connect.setOnAction(e -> connectAlone.accept(row.getItem().profile()));
            row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty())
                    .then((javafx.scene.control.ContextMenu) null).otherwise(new javafx.scene.control.ContextMenu(connect)));
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                    connectAlone.accept(row.getItem().profile());
                }
            });
            return row;
        });
        // a row's cells are made again when its outcome changes (the list reports it as an update)
        model.rows().addListener((ListChangeListener<ServerRow>) c -> servers.refresh());
        return servers;
    }

    private VBox findingsTable() {
        findings.setId("scanAllFindings");
        findings.setItems(model.shownFindings());
        findings.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        findings.setPlaceholder(new Label("Start a scan: the findings of every connection show here, cross-server ones included."));
        TableColumn<SetFinding, Severity> severity = new TableColumn<>("Severity");
        severity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().item().finding().severity()));
        severity.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                setGraphic(empty || s == null ? null : new SeverityBadge(s));
            }
        });
        fixed(severity, 86);
        TableColumn<SetFinding, String> server = textF("Server", SetFinding::server);
        server.setId("scanAllServerColumn");
        fixed(server, 124);
        TableColumn<SetFinding, String> rule = textF("Rule", f -> f.item().finding().ruleId());
        fixed(rule, 104);
        TableColumn<SetFinding, String> location = textF("Location", f -> f.item().shortLocation());
        fixed(location, 150);
        TableColumn<SetFinding, String> message = textF("Message", f -> f.item().finding().message());
        message.setPrefWidth(300);
        findings.getColumns().addAll(java.util.List.of(severity, server, rule, location, message));
        Label title = new Label("Findings of the set");
        title.getStyleClass().add("text-bold");
        Label count = new Label();
        count.setId("scanAllFindingCount");
        count.getStyleClass().add("muted");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.shownFindings().size() == model.findings().size() ? Integer.toString(model.findings().size())
                        : model.shownFindings().size() + " of " + model.findings().size(),
                model.shownFindings(), model.findings()));
        javafx.scene.control.ComboBox<String> only = new javafx.scene.control.ComboBox<>();
        only.setId("scanAllServerFilter");
        only.setPromptText("All servers");
        only.setPrefWidth(170);
        only.setButtonCell(serverCell());
        only.setCellFactory(v -> serverCell());
        model.rows().addListener((javafx.beans.Observable o) -> {
            java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(""));
            model.rows().forEach(r -> names.add(r.name()));
            if (!only.getItems().equals(names)) only.getItems().setAll(names);
        });
        only.valueProperty().addListener((o, was, now) -> model.serverFilterProperty().set(now == null ? "" : now));
        javafx.scene.control.TextField search = new javafx.scene.control.TextField();
        search.setId("scanAllSearch");
        search.setPromptText("Search findings");
        search.setTooltip(new Tooltip("Rule, message or location"));
        search.setPrefWidth(220);
        search.textProperty().bindBidirectional(model.searchProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, count, gap, only, search);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new Insets(6, 10, 6, 10));
        VBox box = new VBox(head, findings);
        VBox.setVgrow(findings, Priority.ALWAYS);
        return box;
    }

    private VBox detailSide() {
        detailServer.setId("scanAllDetailServer");
        detailServer.getStyleClass().add("muted");
        detailServer.setPadding(new Insets(8, 14, 0, 14));
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        VBox box = new VBox(detailServer, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        box.setMinWidth(0);
        return box;
    }

    private static javafx.scene.control.ListCell<String> serverCell() {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.isEmpty() ? "All servers" : item);
            }
        };
    }

    private void chooseAndExport(ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the set's findings as " + format.label());
        chooser.setInitialFileName("saved-connections." + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.label(), "*." + format.extension()));
        java.io.File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) model.export(format, file.toPath());
    }

    public TableView<ServerRow> servers() {
        return servers;
    }

    public TableView<SetFinding> findings() {
        return findings;
    }

    public FindingDetailPane detail() {
        return detail;
    }

    private static void fixed(TableColumn<?, ?> column, double width) {
        column.setPrefWidth(width);
        column.setMinWidth(width);
    }

    private static TableColumn<ServerRow, String> text(String title, Function<ServerRow, String> value) {
        TableColumn<ServerRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    private static TableColumn<SetFinding, String> textF(String title, Function<SetFinding, String> value) {
        TableColumn<SetFinding, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    /** The tick box; fixed while a run goes. */
    private final class TickCell extends TableCell<ServerRow, Boolean> {
        private final CheckBox box = new CheckBox();

        TickCell() {
            box.disableProperty().bind(model.runningProperty());
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(Boolean ticked, boolean empty) {
            super.updateItem(ticked, empty);
            ServerRow row = empty ? null : getTableRow().getItem();
            if (row == null) {
                box.setOnAction(null);
                setGraphic(null);
                return;
            }
            box.setSelected(row.tickedProperty().get());
            box.setOnAction(e -> row.tickedProperty().set(box.isSelected()));
            setGraphic(box);
        }
    }

    /** The state with an icon: busy, done, or failed. */
    private static final class StateCell extends TableCell<ServerRow, ServerRow> {
        @Override
        protected void updateItem(ServerRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("state-ok", "state-error", "state-busy", "muted");
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            ServerStatus status = row.status();
            setText(row.statusText());
            setTooltip(row.error().isEmpty() ? null : new Tooltip(row.error()));
            Feather icon;
            String style;
            if (status == null) {
                icon = Feather.CIRCLE;
                style = "muted";
            } else {
                switch (status) {
                    case WAITING -> { icon = Feather.CLOCK; style = "muted"; }
                    case CONNECTING, LISTED -> { icon = Feather.LOADER; style = "state-busy"; }
                    case SCANNED -> { icon = Feather.CHECK_CIRCLE; style = "state-ok"; }
                    case NEEDS_AUTHORIZATION -> { icon = Feather.LOCK; style = "state-error"; }
                    case CANCELLED -> { icon = Feather.SLASH; style = "muted"; }
                    default -> { icon = Feather.ALERT_CIRCLE; style = "state-error"; }
                }
            }
            setGraphic(Icons.of(icon));
            getStyleClass().add(style);
        }
    }

    /** A severity's count; blank before the server is scanned, dimmed at zero. */
    private static final class CountCell extends TableCell<ServerRow, ServerRow> {
        private final Severity severity;

        CountCell(Severity severity) {
            this.severity = severity;
            setAlignment(Pos.CENTER_RIGHT);
        }

        @Override
        protected void updateItem(ServerRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("muted");
            int n = empty || row == null ? -1 : row.count(severity);
            setText(n < 0 ? null : Integer.toString(n));
            if (n == 0) getStyleClass().add("muted");
        }
    }
}
