package dev.mcpworkbench.app.ui.tools.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.mcpworkbench.app.ui.common.Icons;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** An array: one editor per item (from the items schema), add and remove buttons. */
final class ArrayEditor extends AbstractFieldEditor {

    private final SchemaForm form;
    private final JsonNode itemSchema;
    private final int depth;
    private final VBox box = new VBox(6);
    private final VBox items = new VBox(6);
    private final List<FieldEditor> editors = new ArrayList<>();
    private boolean touched;

    ArrayEditor(SchemaForm form, JsonNode schema, int depth) {
        this.form = form;
        this.itemSchema = schema.path("items").isObject() ? schema.get("items") : MissingNode.getInstance();
        this.depth = depth;
        Button add = new Button("Add item", Icons.of(Feather.PLUS));
        add.getStyleClass().addAll("small", "flat", "add-item");
        add.setOnAction(e -> {
            addItem(null);
            touched = true;
            userChanged();
        });
        box.getStyleClass().add("schema-array");
        box.getChildren().addAll(items, add);
    }

    private void addItem(JsonNode value) {
        FieldEditor editor = form.editorFor(itemSchema, true, depth);
        editor.setValue(value);
        editor.setOnChange(this::userChanged);
        Button remove = new Button(null, Icons.of(Feather.X));
        remove.getStyleClass().addAll("small", "flat", "remove-item");
        remove.setTooltip(new Tooltip("Remove this item"));
        HBox row = new HBox(6, editor.node(), remove);
        HBox.setHgrow(editor.node(), Priority.ALWAYS);
        remove.setOnAction(e -> {
            int i = items.getChildren().indexOf(row);
            items.getChildren().remove(i);
            editors.remove(i);
            touched = true;
            userChanged();
        });
        editors.add(editor);
        items.getChildren().add(row);
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    protected JsonNode currentValue() {
        if (editors.isEmpty() && !touched) return null;
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (FieldEditor e : editors) {
            JsonNode v = e.value();
            out.add(v == null ? JsonNodeFactory.instance.nullNode() : v);
        }
        return out;
    }

    @Override
    protected boolean show(JsonNode value) {
        if (!value.isArray()) return false;
        items.getChildren().clear();
        editors.clear();
        value.forEach(this::addItem);
        touched = true;
        return true;
    }

    @Override
    protected boolean clear() {
        items.getChildren().clear();
        editors.clear();
        touched = false;
        return true;
    }
}
