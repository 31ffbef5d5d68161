package dev.mcpworkbench.app.ui.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.ui.common.Invisibles;
import dev.mcpworkbench.app.ui.common.Json;
import dev.mcpworkbench.app.ui.tools.ContentBlockView;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The server asks the client's model for a completion (sampling/createMessage). The workbench
 * has no model: the user reads the request and writes (or edits) the answer, or declines.
 */
public final class SamplingDialog extends Dialog<ObjectNode> {

    public static final ButtonType SEND = new ButtonType("Send answer", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType DECLINE = new ButtonType("Decline", ButtonBar.ButtonData.NO);

    private final TextArea answer = new TextArea();
    private final TextField model = new TextField("mcp-workbench-user");

    public SamplingDialog(Window owner, String serverName, JsonNode request) {
        if (owner != null) initOwner(owner);
        setTitle("The server asks for a completion");
        setHeaderText((serverName.isEmpty() ? "The server" : serverName) + " asks the client's model for a completion (sampling)");
        setResizable(true);
        VBox messages = new VBox(8);
        if (request.hasNonNull("systemPrompt")) {
            messages.getChildren().addAll(new Label("System prompt"), ContentBlockView.text(request.get("systemPrompt"), null));
        }
        for (JsonNode m : request.path("messages")) {
            Label role = new Label(m.path("role").asText("?"));
            role.getStyleClass().add("chip");
            messages.getChildren().addAll(role, ContentBlockView.of(m.path("content"), uri -> { }));
        }
        Label params = new Label("maxTokens " + request.path("maxTokens").asText("?")
                + (request.has("modelPreferences") ? "  ·  preferences " + Invisibles.reveal(dev.mcpworkbench.app.ui.common.Json.compactBounded(request.get("modelPreferences"), 400).text()) : "")
                + (request.has("includeContext") ? "  ·  includeContext " + request.get("includeContext").asText() : ""));
        params.getStyleClass().add("text-muted");
        params.setWrapText(true);
        ScrollPane scroll = new ScrollPane(messages);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(260);
        answer.setId("samplingAnswer");
        answer.setPromptText("Write the assistant's answer the server will receive");
        answer.setPrefRowCount(6);
        answer.setWrapText(true);
        VBox content = new VBox(8, scroll, params, new Label("Answer"), answer, new Label("Model name reported"), model);
        content.setPadding(new Insets(4));
        content.setPrefWidth(720);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(SEND, DECLINE);
        setResultConverter(button -> {
            if (button != SEND) return null;
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put("role", "assistant");
            result.putObject("content").put("type", "text").put("text", answer.getText());
            result.put("model", model.getText());
            result.put("stopReason", "endTurn");
            return result;
        });
    }

    public TextArea answer() {
        return answer;
    }

    /** For logs and tests: the request as pretty JSON. */
    static String describe(JsonNode request) {
        return Json.pretty(request);
    }
}
