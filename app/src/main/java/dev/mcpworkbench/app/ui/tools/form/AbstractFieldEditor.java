package dev.mcpworkbench.app.ui.tools.form;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * Change reporting, programmatic-update suppression, and "foreign" values: a value the editor
 * cannot show (an object where the schema says string) is kept and sent back untouched until the
 * user edits the field, so syncing from the raw JSON never loses what the user typed there.
 */
abstract class AbstractFieldEditor implements FieldEditor {

    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    static final PseudoClass FOREIGN = PseudoClass.getPseudoClass("foreign");

    private Runnable onChange = () -> { };
    private boolean updating;
    private JsonNode foreign;

    @Override
    public final void setOnChange(Runnable listener) {
        this.onChange = listener == null ? () -> { } : listener;
    }

    /** Called by subclasses when the user changed something. */
    protected final void userChanged() {
        if (updating) return;
        if (foreign != null) {
            foreign = null;
            node().pseudoClassStateChanged(FOREIGN, false);
        }
        onChange.run();
    }

    @Override
    public final JsonNode value() {
        return foreign != null ? foreign : currentValue();
    }

    @Override
    public final void setValue(JsonNode value) {
        updating = true;
        try {
            JsonNode v = value == null || value.isMissingNode() ? null : value;
            boolean shown = v == null ? clear() : show(v);
            foreign = shown ? null : v;
            node().pseudoClassStateChanged(FOREIGN, !shown);
            if (!shown) clear();
        } finally {
            updating = false;
        }
    }

    protected final boolean isUpdating() {
        return updating;
    }

    protected abstract JsonNode currentValue();

    /** Shows {@code value}; false when this editor cannot represent it. */
    protected abstract boolean show(JsonNode value);

    /** Resets to unset; always true. */
    protected abstract boolean clear();

    static void markInvalid(Node node, String reason) {
        node.pseudoClassStateChanged(INVALID, reason != null);
    }
}
