package dev.mcpworkbench.app.ui.tools.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;

/** A boolean. When optional, a third state (indeterminate) means "not sent". */
final class BooleanEditor extends AbstractFieldEditor {

    private final CheckBox box = new CheckBox();
    private final boolean required;

    BooleanEditor(JsonNode schema, boolean required) {
        this.required = required;
        box.setAllowIndeterminate(!required);
        reset();
        box.selectedProperty().addListener((o, was, now) -> changed());
        box.indeterminateProperty().addListener((o, was, now) -> changed());
    }

    private void changed() {
        box.setText(box.isIndeterminate() ? "not set" : String.valueOf(box.isSelected()));
        userChanged();
    }

    private void reset() {
        box.setIndeterminate(!required);
        box.setSelected(false);
        box.setText(required ? "false" : "not set");
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    protected JsonNode currentValue() {
        return box.isIndeterminate() ? null : BooleanNode.valueOf(box.isSelected());
    }

    @Override
    protected boolean show(JsonNode value) {
        if (!value.isBoolean()) return false;
        box.setIndeterminate(false);
        box.setSelected(value.asBoolean());
        box.setText(String.valueOf(value.asBoolean()));
        return true;
    }

    @Override
    protected boolean clear() {
        reset();
        return true;
    }
}
