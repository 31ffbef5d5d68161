package dev.mcpworkbench.app.ui.tools.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * A number or integer with its bounds. Text that is not a valid number is marked invalid but kept
 * (sent as typed, as a string): the user's input is never silently dropped.
 */
final class NumberEditor extends AbstractFieldEditor {

    private final TextField field = new TextField();
    private final JsonNode schema;
    private final boolean integer;

    NumberEditor(JsonNode schema, boolean integer) {
        this.schema = schema;
        this.integer = integer;
        field.setPromptText(Hints.prompt(schema));
        field.getStyleClass().add("number-field");
        field.textProperty().addListener((o, was, now) -> {
            validate();
            userChanged();
        });
    }

    @Override
    public Node node() {
        return field;
    }

    /** Why the current text is not acceptable, or null. */
    String problem() {
        String text = field.getText().strip();
        if (text.isEmpty()) return null;
        BigDecimal n;
        try {
            n = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return "not a number";
        }
        if (integer && n.stripTrailingZeros().scale() > 0) return "must be an integer";
        if (schema.has("minimum") && n.compareTo(schema.get("minimum").decimalValue()) < 0)
            return "below the minimum " + schema.get("minimum").asText();
        if (schema.has("maximum") && n.compareTo(schema.get("maximum").decimalValue()) > 0)
            return "above the maximum " + schema.get("maximum").asText();
        if (schema.path("exclusiveMinimum").isNumber() && n.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0)
            return "must be greater than " + schema.get("exclusiveMinimum").asText();
        if (schema.path("exclusiveMaximum").isNumber() && n.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0)
            return "must be less than " + schema.get("exclusiveMaximum").asText();
        return null;
    }

    private void validate() {
        String problem = problem();
        markInvalid(field, problem);
        field.setTooltip(problem == null ? null : new Tooltip(problem));
    }

    @Override
    protected JsonNode currentValue() {
        String text = field.getText().strip();
        if (text.isEmpty()) return null;
        try {
            BigDecimal n = new BigDecimal(text);
            if (n.stripTrailingZeros().scale() <= 0) {
                try {
                    long l = n.longValueExact();
                    return l == (int) l ? JsonNodeFactory.instance.numberNode((int) l) : JsonNodeFactory.instance.numberNode(l);
                } catch (ArithmeticException tooBig) {
                    return JsonNodeFactory.instance.numberNode(n.toBigIntegerExact());
                }
            }
            return JsonNodeFactory.instance.numberNode(n.doubleValue());
        } catch (NumberFormatException e) {
            return TextNode.valueOf(field.getText());
        }
    }

    @Override
    protected boolean show(JsonNode value) {
        if (!value.isNumber()) return false;
        field.setText(value.asText());
        return true;
    }

    @Override
    protected boolean clear() {
        field.setText("");
        return true;
    }
}
