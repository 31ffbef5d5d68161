package dev.mcpworkbench.app.ui.tools.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/** One of the schema's enum values (or its const), chosen from a combo box; empty means unset. */
final class EnumEditor extends AbstractFieldEditor {

    private final ComboBox<JsonNode> combo = new ComboBox<>();
    private final List<JsonNode> options = new ArrayList<>();

    EnumEditor(JsonNode schema) {
        if (schema.has("const")) options.add(schema.get("const"));
        schema.path("enum").forEach(options::add);
        combo.getItems().setAll(options);
        combo.setPromptText(Hints.prompt(schema).isEmpty() ? "choose…" : Hints.prompt(schema));
        combo.setCellFactory(lv -> new Cell());
        combo.setButtonCell(new Cell());
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.valueProperty().addListener((o, was, now) -> userChanged());
    }

    private static final class Cell extends ListCell<JsonNode> {
        @Override
        protected void updateItem(JsonNode item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.isTextual() ? item.asText() : item.toString());
        }
    }

    @Override
    public Node node() {
        return combo;
    }

    @Override
    protected JsonNode currentValue() {
        return combo.getValue();
    }

    @Override
    protected boolean show(JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value)) {
                combo.setValue(option);
                return true;
            }
        }
        return false;
    }

    @Override
    protected boolean clear() {
        combo.setValue(null);
        return true;
    }
}
