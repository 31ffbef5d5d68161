package dev.mcpworkbench.app.ui.tools.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextField;

/** A string; multi-line when the schema allows long text. Empty means unset. */
final class StringEditor extends AbstractFieldEditor {

    private final TextInputControl field;

    StringEditor(JsonNode schema) {
        int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        boolean multiline = maxLength > 500 && schema.path("format").isMissingNode()
                && schema.path("enum").isMissingNode() && maxLength != Integer.MAX_VALUE;
        if (multiline) {
            TextArea area = new TextArea();
            area.setPrefRowCount(3);
            area.setWrapText(true);
            field = area;
        } else {
            field = new TextField();
        }
        field.setPromptText(Hints.prompt(schema));
        field.textProperty().addListener((o, was, now) -> userChanged());
    }

    @Override
    public Node node() {
        return field;
    }

    @Override
    protected JsonNode currentValue() {
        String text = field.getText();
        return text == null || text.isEmpty() ? null : TextNode.valueOf(text);
    }

    @Override
    protected boolean show(JsonNode value) {
        if (!value.isTextual()) return false;
        field.setText(value.asText());
        return true;
    }

    @Override
    protected boolean clear() {
        field.setText("");
        return true;
    }
}
