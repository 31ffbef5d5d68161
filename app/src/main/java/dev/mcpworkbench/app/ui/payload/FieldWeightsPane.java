package dev.mcpworkbench.app.ui.payload;

import dev.mcpworkbench.app.ui.payload.PayloadViewModel.ListFields;
import dev.mcpworkbench.inspector.payload.ByteSizes;
import dev.mcpworkbench.inspector.payload.FieldWeights.Field;
import dev.mcpworkbench.inspector.payload.NumberText;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;

/**
 * Where a list's tokens go: its items aggregated by field path, as a treemap of the top-level
 * fields and a table of every path (items that have it, bytes, tokens, share of the list). Picking
 * a field (click a box, double-click or Enter on a row) shows its first occurrence in the tree.
 */
final class FieldWeightsPane extends BorderPane {

    private static final TreemapPane.Boxes<Field> FIELDS = new TreemapPane.Boxes<>() {
        public double weight(Field f) {
            return Math.max(1, f.tokens());
        }

        public String label(Field f) {
            return f.path() + " " + percent(f);
        }

        public double share(Field f) {
            return f.share();
        }

        public String describe(Field f) {
            return String.format(Locale.ROOT, "%s\n%,d tokens (%s of the list), %s, in %,d items", f.path(), f.tokens(),
                    percent(f), ByteSizes.format(f.bytes()), f.items());
        }
    };

    private final Label heading = new Label("Pick a list in the tree, or open a payload with one.");
    private final TreemapPane<Field> map = new TreemapPane<>(FIELDS);
    private final TableView<Field> table = new TableView<>();
    private ListFields shown;
    private Consumer<NodeRef> onPick = r -> { };

    FieldWeightsPane() {
        getStyleClass().add("payload-fields");
        heading.setPadding(new Insets(4, 6, 4, 6));
        heading.setWrapText(true);
        heading.setId("payload-fields-heading");
        table.setId("payload-fields-table");
        table.setPlaceholder(new Label("The list's items have no fields."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Field", f -> f.path(), 220, false),
                column("Items", f -> String.format(Locale.ROOT, "%,d", f.items()), 70, true),
                column("Bytes", f -> ByteSizes.format(f.bytes()), 80, true),
                column("Tokens", f -> String.format(Locale.ROOT, "%,d", f.tokens()), 90, true),
                column("Share", FieldWeightsPane::percent, 70, true)));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) pick(table.getSelectionModel().getSelectedItem());
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) pick(table.getSelectionModel().getSelectedItem());
        });
        map.setOnPick(this::pick);
        SplitPane split = new SplitPane(map, table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setTop(heading);
        setCenter(split);
    }

    void setOnPick(Consumer<NodeRef> pick) {
        this.onPick = pick;
    }

    void show(Optional<ListFields> fields) {
        shown = fields.orElse(null);
        if (shown == null) {
            heading.setText("This payload has no list to break down.");
            map.show(List.of());
            table.getItems().clear();
            return;
        }
        NodeRef list = shown.list();
        heading.setText(String.format(Locale.ROOT, "Where the tokens of the %,d items of %s go (%,d tokens): heaviest fields first",
                shown.weights().itemCount(), list.pointer().isEmpty() ? "the root list" : list.pointer(), shown.weights().arrayTokens()));
        map.show(shown.weights().topLevel().stream().limit(60).toList());
        table.getItems().setAll(shown.weights().fields());
    }

    TableView<Field> table() {
        return table;
    }

    TreemapPane<Field> treemap() {
        return map;
    }

    private void pick(Field f) {
        if (f != null && shown != null) onPick.accept(NodeRef.of(shown.list().tree(), f.firstNode(), shown.list().prefix()));
    }

    private static String percent(Field f) {
        return NumberText.oneDecimal(f.share() * 100) + " %";
    }

    private static TableColumn<Field, String> column(String title, java.util.function.Function<Field, String> text, double width,
                                                     boolean number) {
        TableColumn<Field, String> c = new TableColumn<>(title);
        if (number) c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
