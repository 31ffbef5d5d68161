package dev.mcpworkbench.app.ui.payload;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;

/** Opens a result (resource read, prompt get) in the payload viewer, in its own window. */
public final class PayloadWindow {

    private PayloadWindow() {
    }

    public static void open(String title, JsonNode result) {
        Stage stage = new Stage();
        stage.setTitle("Payload · " + title);
        stage.setScene(new Scene(PayloadTab.forResult(title, result), 1100, 750));
        stage.show();
    }

    /** A button that opens {@code result} in the viewer. */
    public static Button button(String title, JsonNode result) {
        Button b = new Button("Open in payload viewer");
        b.getStyleClass().add("payload-open");
        b.setOnAction(e -> open(title, result));
        return b;
    }
}
