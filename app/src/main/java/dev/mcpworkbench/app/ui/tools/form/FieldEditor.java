package dev.mcpworkbench.app.ui.tools.form;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.Node;

/** One input generated from a JSON Schema: shows a value, edits it, reports changes. */
public interface FieldEditor {

    Node node();

    /** The value to send, or {@code null} when the user left the field unset (it is omitted). */
    JsonNode value();

    /** Shows {@code value} ({@code null}: unset) without reporting a change. */
    void setValue(JsonNode value);

    void setOnChange(Runnable listener);
}
