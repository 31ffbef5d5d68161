package dev.mcpworkbench.app.ui.payload;

import dev.mcpworkbench.app.ui.common.Frames;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
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

    /**
     * A resource read or prompt get as received: parsed where it lies in the message's bytes when
     * they are known, instead of written out again (a second copy of a 100 MB answer).
     */
    public static void open(String title, Reply reply) {
        show(title, () -> PayloadTab.forAnalysis(new ResultAnalysis(title, null, null, reply.result(), reply.sentAs())));
    }

    /** A tool's result, through its shared analysis (no second parse when the check already made one). */
    public static void openToolResult(ResultAnalysis analysis) {
        show(analysis.tool(), () -> PayloadTab.forAnalysis(analysis));
    }

    /**
     * The window opens on a placeholder; the view is built in the next frame and attaches its parts
     * a frame apart ({@link PayloadView#attachInSteps}). Built and shown in one go, the view's
     * construction, styling and layout made one frame of 80-120 ms of FX-thread work.
     */
    private static void show(String title, java.util.function.Supplier<PayloadView> view) {
        Stage stage = new Stage();
        stage.setTitle("Payload · " + title);
        Label opening = new Label("Opening…");
        StackPane placeholder = new StackPane(opening);
        Scene scene = new Scene(placeholder, 1100, 750);
        // the app's own styles (heat bars, findings, code text), as in the main window
        java.net.URL css = PayloadWindow.class.getResource("/dev/mcpworkbench/app/ui/workbench.css");
        if (css != null) scene.getStylesheets().add(css.toExternalForm());
        stage.setScene(scene);
        OPEN.add(stage);
        stage.setOnHidden(e -> OPEN.remove(stage));
        stage.show();
        // built in one frame, styled and laid out in the next: together they were a long frame
        Frames.afterNextLayout(placeholder, () -> {
            if (!stage.isShowing()) return;
            PayloadView v = view.get();
            v.attachInSteps();
            Frames.afterNextLayout(placeholder, () -> {
                if (stage.isShowing()) scene.setRoot(v);
            });
        });
    }

    /** A button that opens {@code reply} in the viewer. */
    public static Button button(String title, Reply reply) {
        Button b = new Button("Open in payload viewer");
        b.getStyleClass().add("payload-open");
        b.setOnAction(e -> open(title, reply));
        return b;
    }
}
