package dev.mcpworkbench.app.ui.tools.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * An object: one row per property (name, required mark, input, description). Properties the
 * schema does not declare (typed in the raw JSON) are kept and sent back unchanged.
 */
final class ObjectEditor extends AbstractFieldEditor {

    private final VBox box = new VBox(12);
    private final Map<String, FieldEditor> fields = new LinkedHashMap<>();
    private final boolean top;
    private ObjectNode extras = JsonNodeFactory.instance.objectNode();

    ObjectEditor(SchemaForm form, JsonNode schema, int depth, boolean top) {
        this.top = top;
        box.getStyleClass().add(top ? "schema-form" : "schema-object");
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        JsonNode props = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            boolean isRequired = required.contains(p.getKey());
            FieldEditor editor = form.editorFor(p.getValue(), isRequired, depth);
            editor.setOnChange(this::userChanged);
            fields.put(p.getKey(), editor);
            box.getChildren().add(row(p.getKey(), form.resolve(p.getValue(), 0), isRequired, editor));
        }
    }

    private static Node row(String name, JsonNode schema, boolean required, FieldEditor editor) {
        Label label = new Label(dev.mcpworkbench.app.ui.common.Invisibles.reveal(name));
        label.getStyleClass().add("field-name");
        label.setLabelFor(editor.node());
        HBox header = new HBox(4, label);
        if (required) {
            Label star = new Label("*");
            star.getStyleClass().add("required-mark");
            star.setTooltip(new Tooltip("required"));
            header.getChildren().add(star);
        }
        String type = SchemaForm.typeOf(schema);
        if (!type.isEmpty()) {
            Label t = new Label(type);
            t.getStyleClass().add("field-type");
            header.getChildren().add(t);
        }
        VBox row = new VBox(4, header, editor.node());
        row.getStyleClass().add("field-row");
        row.setId("field-" + name);
        String description = Hints.description(schema);
        if (!description.isEmpty()) {
            Label help = new Label(description);
            help.getStyleClass().add("field-help");
            help.setWrapText(true);
            row.getChildren().add(help);
            Tooltip.install(editor.node(), new Tooltip(description));
        }
        if (editor.node() instanceof javafx.scene.layout.Region r) r.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(editor.node(), Priority.NEVER);
        return row;
    }

    int fieldCount() {
        return fields.size();
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    protected JsonNode currentValue() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        fields.forEach((name, editor) -> {
            JsonNode v = editor.value();
            if (v != null) out.set(name, v);
        });
        extras.fields().forEachRemaining(e -> {
            if (!out.has(e.getKey())) out.set(e.getKey(), e.getValue());
        });
        return out.isEmpty() && !top ? null : out;
    }

    @Override
    protected boolean show(JsonNode value) {
        if (!value.isObject()) return false;
        ObjectNode rest = JsonNodeFactory.instance.objectNode();
        value.fields().forEachRemaining(e -> {
            if (!fields.containsKey(e.getKey())) rest.set(e.getKey(), e.getValue());
        });
        fields.forEach((name, editor) -> editor.setValue(value.get(name)));
        extras = rest;
        return true;
    }

    @Override
    protected boolean clear() {
        fields.values().forEach(e -> e.setValue(null));
        extras = JsonNodeFactory.instance.objectNode();
        return true;
    }
}
