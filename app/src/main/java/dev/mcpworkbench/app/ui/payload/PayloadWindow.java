package dev.mcpworkbench.app.ui.payload;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;

/** Opens a result (tool call, resource read, prompt get) in the payload viewer, in its own window. */
public final class PayloadWindow {

    /** The windows open now: they show results of the server on screen, and close when another comes. */
    private static final java.util.List<Stage> OPEN = new java.util.ArrayList<>();

    private PayloadWindow() {
    }

    /** Closes every payload window (on the FX thread): another server came on screen. */
    public static void closeAll() {
        java.util.List.copyOf(OPEN).forEach(Stage::close);
        OPEN.clear();
    }

    public static void open(String title, JsonNode result) {
        show(title, PayloadTab.forResult(title, result));
    }

    /** A tool's result, through its shared analysis (no second parse when the check already made one). */
    public static void openToolResult(ResultAnalysis analysis) {
        show(analysis.tool(), PayloadTab.forAnalysis(analysis));
    }

    private static void show(String title, PayloadView view) {
        view.attachInSteps();
        Stage stage = new Stage();
        stage.setTitle("Payload · " + title);
        Scene scene = new Scene(view, 1100, 750);
        // the app's own styles (heat bars, findings, code text), as in the main window
        java.net.URL css = PayloadWindow.class.getResource("/dev/mcpworkbench/app/ui/workbench.css");
        if (css != null) scene.getStylesheets().add(css.toExternalForm());
        stage.setScene(scene);
        OPEN.add(stage);
        stage.setOnHidden(e -> OPEN.remove(stage));
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
