package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.app.ui.common.StorageNote;
import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The findings screen: filter bar, a tree table grouped by rule or tool, and the detail pane.
 * Holds no logic beyond wiring controls to {@link FindingsViewModel}.
 */
public final class FindingsView extends BorderPane {

    private static final PseudoClass SUPPRESSED = PseudoClass.getPseudoClass("suppressed");
    private static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");

    private final FindingsViewModel model;
    private final TreeTableView<FindingRow> table = new TreeTableView<>(new TreeItem<>());
    private final FindingDetailPane detail;
    private final FlowPane counts = new FlowPane(6, 4);
    private final Label status = new Label();
    private final StorageNote storage;
    private final SplitPane split = new SplitPane();
    private final ScrollPane detailScroll;
    /** Where the divider was when the detail was last open (the user may have moved it). */
    private double detailDivider = 0.56;

    public FindingsView(FindingsViewModel model, Consumer<String> openLink) {
        this.model = model;
        getStyleClass().add("findings-view");
        getStylesheets().add(SeverityBadge.STYLESHEET);
        detail = new FindingDetailPane(this::askSuppress, model::unsuppress, this::showRuleDoc, openLink);
        setTop(new VBox(header(), filterBar()));
        // The detail scrolls inside its side of the split: a long evidence text (hundreds of hidden
        // characters, each shown as a badge) made the pane taller than the window, and the pane,
        // centred by its parents, painted over the toolbar above it.
        detailScroll = new ScrollPane(detail);
        detailScroll.setId("findingDetailScroll");
        detailScroll.setFitToWidth(true);
        detailScroll.setFitToHeight(true);
        detailScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        detailScroll.getStyleClass().add("edge-to-edge");
        detailScroll.setMinWidth(0);
        split.getItems().setAll(buildTable());
        setCenter(split);
        showDetail(false);
        status.getStyleClass().add("findings-status");
        status.textProperty().bind(model.statusProperty());
        storage = new StorageNote("suppressionStorage", "saveFindingsAsConnection", "findings-status", model.storageNoteProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox statusBar = new HBox(12, status, gap, storage);
        statusBar.setPadding(new Insets(4, 12, 4, 12));
        setBottom(statusBar);

        model.visibleItems().addListener((ListChangeListener<FindingItem>) c -> rebuild());
        model.groupingProperty().addListener((Observable o) -> rebuild());
        model.selectedProperty().addListener((o, old, item) -> {
            detail.show(item, model.snapshotProperty().get());
            showDetail(item != null);
            selectInTable(item);
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (row != null && row.getValue() != null && !row.getValue().isGroup()) {
                model.selectedProperty().set(row.getValue().item());
            }
        });
        rebuild();
    }

    /**
     * The detail takes a side of the split only while a finding is selected: empty, it took half
     * the width and the table cut its Location and Message columns.
     */
    private void showDetail(boolean shown) {
        boolean showing = split.getItems().contains(detailScroll);
        if (shown == showing) return;
        if (shown) {
            split.getItems().add(detailScroll);
            split.setDividerPositions(detailDivider);
        } else {
            if (!split.getDividers().isEmpty()) detailDivider = split.getDividers().get(0).getPosition();
            split.getItems().remove(detailScroll);
        }
    }

    public TreeTableView<FindingRow> table() {
        return table;
    }

    /** Where suppressions are kept, with the offer to save them in a connection. */
    public StorageNote storageNote() {
        return storage;
    }

    public FindingDetailPane detail() {
        return detail;
    }

    private HBox header() {
        Label title = new Label("Findings");
        title.getStyleClass().add("findings-title");
        counts.setAlignment(Pos.CENTER_LEFT);
        counts.setMinWidth(0);
        counts.setPrefWrapLength(200);
        HBox.setHgrow(counts, Priority.ALWAYS);
        MenuButton export = new MenuButton("Export", new FontIcon(Feather.DOWNLOAD));
        export.setId("exportButton");
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem(format.label() + " (." + format.extension() + ")");
            item.setId("export-" + format.extension());
            item.setOnAction(e -> chooseAndExport(format));
            export.getItems().add(item);
        }
        export.disableProperty().bind(model.exportingProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        export.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(14, title, counts, export);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(12, 14, 6, 14));
        model.visibleItems().addListener((Observable o) -> refreshCounts());
        return box;
    }

    private Region filterBar() {
        CustomTextField search = (CustomTextField) TextFields.createClearableTextField();
        search.setId("findingSearch");
        search.setPromptText("Search rule, message, location");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefWidth(240);
        search.textProperty().bindBidirectional(model.searchProperty());

        CheckComboBox<Severity> severity = checkCombo("severityFilter", "Severity", Severity.values(),
                s -> s.name().charAt(0) + s.label().substring(1));
        severity.getCheckModel().getCheckedItems().addListener((Observable o) -> model.severitiesProperty()
                .set(asSet(Severity.class, severity.getCheckModel().getCheckedItems())));
        CheckComboBox<Category> category = checkCombo("categoryFilter", "Category", Category.values(),
                c -> c.name().charAt(0) + c.name().substring(1).toLowerCase(Locale.ROOT));
        category.getCheckModel().getCheckedItems().addListener((Observable o) -> model.categoriesProperty()
                .set(asSet(Category.class, category.getCheckModel().getCheckedItems())));

        ComboBox<String> tool = new ComboBox<>();
        tool.setId("toolFilter");
        tool.setPromptText("All tools");
        model.toolNames().addListener((Observable o) -> {
            tool.getItems().setAll(model.toolNames());
            tool.getItems().add(0, "");
        });
        tool.setButtonCell(toolCell());
        tool.setCellFactory(v -> toolCell());
        tool.valueProperty().addListener((o, a, b) -> model.toolProperty().set(b == null ? "" : b));
        model.toolProperty().addListener((o, a, b) -> tool.setValue(b));

        CheckBox showSuppressed = new CheckBox("Show suppressed");
        showSuppressed.selectedProperty().bindBidirectional(model.showSuppressedProperty());

        SegmentedButton grouping = new SegmentedButton();
        grouping.setId("grouping");
        for (Grouping g : Grouping.values()) {
            ToggleButton button = new ToggleButton(g.label());
            button.setId("group-" + g.name().toLowerCase(Locale.ROOT));
            button.setUserData(g);
            button.setSelected(model.groupingProperty().get() == g);
            grouping.getButtons().add(button);
        }
        grouping.getToggleGroup().selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) old.setSelected(true); // one grouping is always active
            else model.groupingProperty().set((Grouping) now.getUserData());
        });
        model.groupingProperty().addListener((o, old, now) -> grouping.getButtons().forEach(
                b -> b.setSelected(b.getUserData() == now)));

        // Labels keep their full width; the search field and the tool list (whose names can be
        // long) are what gives way when the window is narrow.
        search.setMinWidth(150);
        tool.setPrefWidth(200);
        tool.setMinWidth(120);
        for (Region fixed : List.of(severity, category, showSuppressed, grouping)) fixed.setMinWidth(Region.USE_PREF_SIZE);
        grouping.getButtons().forEach(b -> b.setMinWidth(Region.USE_PREF_SIZE));

        // In a narrow window the controls wrap to a second row instead of pushing the view wider
        // than the window (the grouping then went off its right edge).
        FlowPane bar = new FlowPane(8, 6, search, severity, category, tool, showSuppressed, grouping);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPrefWrapLength(1200);
        bar.setPadding(new Insets(4, 14, 10, 14));
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private static <T> CheckComboBox<T> checkCombo(String id, String title, T[] values,
                                                   java.util.function.Function<T, String> label) {
        CheckComboBox<T> combo = new CheckComboBox<>(javafx.collections.FXCollections.observableArrayList(values));
        combo.setId(id);
        combo.setTitle(title);
        combo.setShowCheckedCount(true);
        combo.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        combo.getCheckModel().checkAll();
        return combo;
    }

    private static <E extends Enum<E>> Set<E> asSet(Class<E> type, List<E> values) {
        Set<E> set = EnumSet.noneOf(type);
        set.addAll(values);
        return set;
    }

    private static javafx.scene.control.ListCell<String> toolCell() {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.isEmpty() ? "All tools" : item);
            }
        };
    }

    private TreeTableView<FindingRow> buildTable() {
        table.setId("findingsTable");
        table.setShowRoot(false);
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No findings match these filters."));

        TreeTableColumn<FindingRow, FindingRow> rule = column("Rule", 250);
        rule.setCellFactory(c -> new RowCell(row -> row.isGroup()
                ? row.groupLabel().isEmpty() ? "All findings" : row.groupLabel()
                : row.item().finding().ruleId(), true));
        TreeTableColumn<FindingRow, FindingRow> severity = column("Severity", 96);
        severity.setCellFactory(c -> new SeverityCell());
        severity.setMinWidth(92);
        rule.setMinWidth(150);
        TreeTableColumn<FindingRow, FindingRow> location = column("Location", 190);
        location.setCellFactory(c -> new RowCell(row -> row.isGroup() ? "" : row.item().shortLocation(), false));
        TreeTableColumn<FindingRow, FindingRow> message = column("Message", 360);
        message.setCellFactory(c -> new RowCell(row -> row.isGroup()
                ? row.count() + (row.count() == 1 ? " finding" : " findings") + ", worst " + row.worst().label()
                : row.item().suppressed() ? "Suppressed (" + row.item().suppressionReason() + "): "
                + row.item().finding().message() : row.item().finding().message(), false));
        table.getColumns().setAll(List.of(rule, severity, location, message));
        table.setTreeColumn(rule);
        table.setRowFactory(t -> new FindingTableRow());
        return table;
    }

    private static TreeTableColumn<FindingRow, FindingRow> column(String title, double width) {
        TreeTableColumn<FindingRow, FindingRow> column = new TreeTableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        return column;
    }

    /**
     * Replaces the rows under the table's one root. The root itself is never replaced: JavaFX 21's
     * TreeTableViewSkin keeps every root it was ever given (JDK-8349758, fixed in JavaFX 25), so a
     * new root per rebuild kept every scan's findings reachable, about 0.6 MB per connection.
     */
    private void rebuild() {
        FindingItem keep = model.selectedProperty().get();
        List<TreeItem<FindingRow>> rows = new java.util.ArrayList<>();
        Map<String, List<FindingItem>> groups = model.groups();
        if (model.groupingProperty().get() == Grouping.NONE) {
            groups.values().forEach(items -> items.forEach(i -> rows.add(new TreeItem<>(FindingRow.of(i)))));
        } else {
            groups.forEach((label, items) -> {
                TreeItem<FindingRow> group = new TreeItem<>(FindingRow.group(label, items));
                group.setExpanded(true);
                items.forEach(i -> group.getChildren().add(new TreeItem<>(FindingRow.of(i))));
                rows.add(group);
            });
        }
        // a new root started without a selection; the same root keeps selected indices over new rows
        table.getSelectionModel().clearSelection();
        table.getRoot().getChildren().setAll(rows);
        selectInTable(keep);
        refreshCounts();
    }

    private void selectInTable(FindingItem item) {
        if (item == null) return;
        for (TreeItem<FindingRow> top : table.getRoot().getChildren()) {
            for (TreeItem<FindingRow> candidate : top.getChildren().isEmpty() ? List.of(top) : top.getChildren()) {
                if (candidate.getValue() != null && item.equals(candidate.getValue().item())) {
                    if (table.getSelectionModel().getSelectedItem() != candidate) {
                        table.getSelectionModel().select(candidate);
                    }
                    return;
                }
            }
        }
    }

    private void refreshCounts() {
        counts.getChildren().clear();
        model.countsBySeverity().forEach((severity, count) -> {
            if (count == 0) return;
            Label chip = new Label(count + " " + severity.label());
            chip.getStyleClass().addAll("count-chip", SeverityBadge.styleClass(severity));
            counts.getChildren().add(chip);
        });
        long suppressed = model.allItems().stream().filter(FindingItem::suppressed).count();
        if (suppressed > 0) {
            Label chip = new Label(suppressed + " suppressed");
            chip.getStyleClass().addAll("count-chip", "count-suppressed");
            counts.getChildren().add(chip);
        }
    }

    private void askSuppress(FindingItem item) {
        if (item == null) return;
        SuppressDialog.ask(window(), item, model.storageNoteProperty().get()).ifPresent(reason -> model.suppress(item, reason));
    }

    private void showRuleDoc(FindingItem item) {
        if (item == null) return;
        RuleDocDialog.show(window(), item);
    }

    private void chooseAndExport(ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export findings as " + format.label());
        String server = model.snapshotProperty().get() == null ? "" : model.snapshotProperty().get().serverName();
        chooser.setInitialFileName((server.isBlank() ? "findings" : server.replaceAll("[^A-Za-z0-9._-]", "_"))
                + "." + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.label(), "*." + format.extension()));
        java.io.File file = chooser.showSaveDialog(window());
        if (file != null) model.export(format, file.toPath());
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Greys suppressed rows, bolds group rows, offers suppress/restore on right click. */
    /**
     * One context menu per row, built once, acting on the finding the row shows when it is used: a
     * menu built per update captured its finding, and the last one a reused row had kept that
     * finding (of a server closed long ago) reachable.
     */
    private final class FindingTableRow extends TreeTableRow<FindingRow> {
        private final MenuItem toggle = new MenuItem();
        private final FontIcon restoreIcon = new FontIcon(Feather.EYE);
        private final FontIcon suppressIcon = new FontIcon(Feather.EYE_OFF);
        private final ContextMenu menu;

        FindingTableRow() {
            toggle.setOnAction(e -> shown().ifPresent(item -> {
                if (item.suppressed()) model.unsuppress(item);
                else askSuppress(item);
            }));
            MenuItem doc = new MenuItem("Rule page", new FontIcon(Feather.BOOK_OPEN));
            doc.setOnAction(e -> shown().ifPresent(FindingsView.this::showRuleDoc));
            menu = new ContextMenu(toggle, doc);
        }

        @Override
        protected void updateItem(FindingRow row, boolean empty) {
            super.updateItem(row, empty);
            boolean group = !empty && row != null && row.isGroup();
            boolean suppressed = !empty && row != null && !row.isGroup() && row.item().suppressed();
            pseudoClassStateChanged(GROUP, group);
            pseudoClassStateChanged(SUPPRESSED, suppressed);
            if (shown().isPresent()) {
                toggle.setText(suppressed ? "Restore" : "Suppress\u2026");
                toggle.setGraphic(suppressed ? restoreIcon : suppressIcon);
            }
            setContextMenu(shown().isPresent() ? menu : null);
        }

        /** The finding this row shows now (none for an empty row or a group header). */
        private java.util.Optional<FindingItem> shown() {
            FindingRow row = getItem();
            return isEmpty() || row == null || row.isGroup() ? java.util.Optional.empty() : java.util.Optional.of(row.item());
        }
    }

    private static final class RowCell extends TreeTableCell<FindingRow, FindingRow> {
        private final java.util.function.Function<FindingRow, String> text;
        private final boolean showsGroupCount;

        RowCell(java.util.function.Function<FindingRow, String> text, boolean showsGroupCount) {
            this.text = text;
            this.showsGroupCount = showsGroupCount;
        }

        @Override
        protected void updateItem(FindingRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            String value = text.apply(row);
            setText(value);
            if (showsGroupCount && row.isGroup()) {
                Label count = ToolBadges.node(new ToolBadges.Tally(row.count(), row.worst()));
                setGraphic(count);
                setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            } else {
                setGraphic(null);
            }
            setTooltip(value.length() > 40 ? new javafx.scene.control.Tooltip(value) : null);
        }
    }

    private static final class SeverityCell extends TreeTableCell<FindingRow, FindingRow> {
        @Override
        protected void updateItem(FindingRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            setGraphic(empty || row == null || row.isGroup() ? null : new SeverityBadge(row.item().finding().severity()));
        }
    }
}
