package dev.mcpworkbench.app.ui.tools.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.ui.common.Json;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The generated form beside the raw JSON arguments, kept in sync both ways. The raw text is the
 * user's: while it does not parse, the parse error is shown, the text is kept as typed, and form
 * edits do not overwrite it. Form edits rewrite the raw text only while it is valid.
 */
public final class FormJsonEditor extends SplitPane {

    private final SchemaForm form;
    private final TextArea raw = new TextArea();
    private final Label status = new Label();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean syncing;

    public FormJsonEditor(JsonNode inputSchema) {
        this(inputSchema, "Arguments (JSON)");
    }

    public FormJsonEditor(JsonNode inputSchema, String jsonTitle) {
        form = new SchemaForm(inputSchema);
        getStyleClass().add("form-json-editor");
        raw.setId("rawJson");
        raw.getStyleClass().add("mono");
        raw.setText(Json.pretty(form.value()));
        status.setId("rawJsonStatus");
        status.getStyleClass().add("raw-status");
        status.setWrapText(true);
        form.setOnChange(this::formChanged);
        raw.textProperty().addListener((o, was, now) -> rawChanged(now));

        ScrollPane formScroll = new ScrollPane(formContent());
        formScroll.setFitToWidth(true);
        formScroll.getStyleClass().add("edge-to-edge");
        Label rawTitle = new Label(jsonTitle);
        rawTitle.getStyleClass().add("pane-title");
        VBox rawBox = new VBox(6, rawTitle, raw, status);
        rawBox.setPadding(new Insets(8));
        VBox.setVgrow(raw, Priority.ALWAYS);
        getItems().addAll(formScroll, rawBox);
        setDividerPositions(0.55);
        showStatus();
    }

    private javafx.scene.Node formContent() {
        VBox box = new VBox(form.node());
        box.setPadding(new Insets(8, 12, 8, 8));
        if (!form.hasFields()) {
            Label none = new Label("This tool declares no input properties. Send {} or type arguments in the JSON box.");
            none.getStyleClass().add("field-help");
            none.setWrapText(true);
            box.getChildren().add(0, none);
        }
        return box;
    }

    private void formChanged() {
        if (syncing) return;
        if (!valid.get()) {
            status.setText(error.get() + "\nForm edits are not written into the JSON until it parses again.");
            return;
        }
        syncing = true;
        try {
            raw.setText(Json.pretty(form.value()));
        } finally {
            syncing = false;
        }
    }

    private void rawChanged(String text) {
        if (syncing) return;
        Optional<String> problem = problemWith(text);
        valid.set(problem.isEmpty());
        error.set(problem.orElse(""));
        if (problem.isEmpty()) {
            syncing = true;
            try {
                form.setValue(parseObject(text));
            } finally {
                syncing = false;
            }
        }
        showStatus();
    }

    private void showStatus() {
        status.setText(valid.get() ? "Valid JSON · in sync with the form" : error.get());
        status.pseudoClassStateChanged(AbstractFieldEditor.INVALID, !valid.get());
    }

    private static Optional<String> problemWith(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        try {
            JsonNode node = Json.parse(text);
            if (node == null || !node.isObject()) return Optional.of("The arguments must be a JSON object ({…}).");
            return Optional.empty();
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return Optional.of("JSON error" + where + ": " + e.getOriginalMessage());
        }
    }

    private static ObjectNode parseObject(String text) {
        try {
            JsonNode node = text == null || text.isBlank() ? null : Json.parse(text);
            return node instanceof ObjectNode o ? o : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The arguments to send: the raw JSON (the source of truth), or empty while it does not parse. */
    public Optional<ObjectNode> arguments() {
        return valid.get() ? Optional.of(parseObject(raw.getText())) : Optional.empty();
    }

    /** Replaces the arguments (e.g. a saved call) in both views. */
    public void setArguments(ObjectNode arguments) {
        raw.setText(Json.pretty(arguments));
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public TextArea rawArea() {
        return raw;
    }

    public SchemaForm form() {
        return form;
    }
}
