package dev.mcpworkbench.app.ui.tools.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpworkbench.app.ui.common.Json;
import javafx.scene.Node;
import javafx.scene.control.TextArea;

/**
 * For schemas a form cannot express (no type, anyOf with several branches, too deep): a small
 * JSON box. Text that is not JSON is sent as a string, so nothing the user typed is lost.
 */
final class JsonValueEditor extends AbstractFieldEditor {

    private final TextArea area = new TextArea();

    JsonValueEditor(JsonNode schema) {
        area.setPrefRowCount(2);
        area.getStyleClass().add("mono");
        String hint = Hints.prompt(schema);
        area.setPromptText((hint.isEmpty() ? "" : hint + " · ") + "any JSON value; other text is sent as a string");
        area.textProperty().addListener((o, was, now) -> userChanged());
    }

    @Override
    public Node node() {
        return area;
    }

    @Override
    protected JsonNode currentValue() {
        String text = area.getText();
        if (text == null || text.isBlank()) return null;
        try {
            return Json.parse(text);
        } catch (Exception e) {
            return TextNode.valueOf(text);
        }
    }

    @Override
    protected boolean show(JsonNode value) {
        area.setText(value.isTextual() ? value.asText() : Json.pretty(value));
        return true;
    }

    @Override
    protected boolean clear() {
        area.setText("");
        return true;
    }
}
