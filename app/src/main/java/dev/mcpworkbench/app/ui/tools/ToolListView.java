package dev.mcpworkbench.app.ui.tools;

import dev.mcpworkbench.app.ui.common.Icons;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The searchable tool list. A virtualized ListView over a filtered list: with 1,000 tools only
 * the visible rows exist, and filtering is one pass over precomputed lowercase texts.
 */
public final class ToolListView extends VBox {

    private final ObservableList<ToolItem> all = FXCollections.observableArrayList();
    private final FilteredList<ToolItem> shown = new FilteredList<>(all);
    private final ListView<ToolItem> list = new ListView<>(shown);
    private final atlantafx.base.controls.CustomTextField search = new atlantafx.base.controls.CustomTextField();
    private final Label count = new Label();
    private java.util.function.Function<String, java.util.Optional<javafx.scene.Node>> badges = name -> java.util.Optional.empty();

    public ToolListView() {
        getStyleClass().add("tool-list-pane");
        search.setId("toolSearch");
        search.setPromptText("Search tools (Ctrl+F)");
        search.setLeft(Icons.of(Feather.SEARCH));
        search.textProperty().addListener((o, was, now) -> {
            shown.setPredicate(t -> t.matches(now));
            updateCount();
        });
        list.setId("toolList");
        list.setCellFactory(lv -> new ToolCell(this));
        list.getStyleClass().add("tool-list");
        count.getStyleClass().add("text-muted");
        setSpacing(8);
        setPadding(new Insets(10, 0, 0, 0));
        VBox header = new VBox(6, search, count);
        header.setPadding(new Insets(0, 10, 0, 10));
        getChildren().addAll(header, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setPlaceholder(new Label("No tool matches."));
    }

    public void setTools(java.util.List<ToolItem> tools) {
        all.setAll(tools);
        updateCount();
        if (!shown.isEmpty()) list.getSelectionModel().selectFirst();
    }

    private void updateCount() {
        count.setText(shown.size() == all.size() ? all.size() + " tools" : shown.size() + " of " + all.size() + " tools");
    }

    /** Shows a badge (e.g. the findings count) at the right of each tool; empty for none. */
    public void setBadges(java.util.function.Function<String, java.util.Optional<javafx.scene.Node>> provider) {
        badges = provider;
        list.refresh();
    }

    public ListView<ToolItem> listView() {
        return list;
    }

    public TextField searchField() {
        return search;
    }

    private static final class ToolCell extends ListCell<ToolItem> {
        private final Label name = new Label();
        private final Label summary = new Label();
        private final VBox box = new VBox(2, name, summary);
        private final ToolListView owner;

        ToolCell(ToolListView owner) {
            this.owner = owner;
            name.getStyleClass().add("tool-cell-name");
            summary.getStyleClass().add("tool-cell-summary");
            box.getStyleClass().add("tool-cell");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ToolItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.shownName());
            name.setGraphic(item.invisibles() > 0 ? Icons.of(Feather.EYE_OFF) : null);
            summary.setText(item.summary());
            java.util.Optional<javafx.scene.Node> badge = owner.badges.apply(item.name());
            if (badge.isPresent()) {
                javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
                javafx.scene.layout.HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
                javafx.scene.layout.HBox.setHgrow(box, javafx.scene.layout.Priority.ALWAYS);
                javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(6, box, spacer, badge.get());
                row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                setGraphic(row);
            } else {
                setGraphic(box);
            }
        }
    }
}
