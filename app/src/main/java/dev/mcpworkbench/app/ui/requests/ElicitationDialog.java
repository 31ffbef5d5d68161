package dev.mcpworkbench.app.ui.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.ui.common.RevealedText;
import dev.mcpworkbench.app.ui.tools.form.FormJsonEditor;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The server asks the user for input (elicitation/create): its message, a form generated from
 * the requested schema (with the raw JSON beside it), and Accept, Decline or Cancel.
 */
public final class ElicitationDialog extends Dialog<ObjectNode> {

    public static final ButtonType ACCEPT = new ButtonType("Accept", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType DECLINE = new ButtonType("Decline", ButtonBar.ButtonData.NO);

    private final FormJsonEditor editor;

    public ElicitationDialog(Window owner, String serverName, JsonNode request) {
        if (owner != null) initOwner(owner);
        setTitle("The server asks for input");
        setHeaderText((serverName.isEmpty() ? "The server" : serverName) + " asks for input (elicitation)");
        setResizable(true);
        editor = new FormJsonEditor(request.path("requestedSchema"), "Your answer (JSON)");
        editor.setPrefSize(760, 420);
        editor.setId("elicitationEditor");
        Label note = new Label("Only answer with what you are willing to share with this server.");
        note.getStyleClass().add("text-muted");
        VBox content = new VBox(10, new RevealedText(request.path("message").asText("")), editor, note);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(ACCEPT, DECLINE, ButtonType.CANCEL);
        getDialogPane().lookupButton(ACCEPT).disableProperty().bind(editor.validProperty().not());
        setResultConverter(button -> {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            if (button == ACCEPT) {
                result.put("action", "accept");
                result.set("content", editor.arguments().orElse(JsonNodeFactory.instance.objectNode()));
            } else if (button == DECLINE) {
                result.put("action", "decline");
            } else {
                result.put("action", "cancel");
            }
            return result;
        });
    }

    public FormJsonEditor editor() {
        return editor;
    }
}
