package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.oauth.flow.FlowListener;
import dev.mcpworkbench.oauth.flow.FlowStep;
import dev.mcpworkbench.oauth.flow.StepKind;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window beside the main one that shows the authorization steps while the browser is open: the
 * workspace is not on screen yet while a connection is being authorized.
 */
public final class AuthWindow {

    private final AuthStepsViewModel model;
    private final Window owner;
    private Stage stage;

    public AuthWindow(AuthStepsViewModel model, Window owner) {
        this.model = model;
        this.owner = owner;
    }

    /** A listener that opens the window once the flow goes past the probe (the server asked for a token). */
    public FlowListener opener() {
        AtomicBoolean opened = new AtomicBoolean();
        return new FlowListener() {
            @Override
            public void stepStarted(FlowStep step) {
                if (step.kind() != StepKind.PROBE && opened.compareAndSet(false, true)) {
                    Platform.runLater(AuthWindow.this::show);
                }
            }
        };
    }

    public void show() {
        if (stage == null) {
            stage = new Stage();
            if (owner != null) stage.initOwner(owner);
            stage.setTitle("Authorization · MCP Workbench");
            AuthStepsPanel panel = new AuthStepsPanel(model);
            Scene scene = new Scene(panel, 980, 680);
            if (owner != null && owner.getScene() != null) scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
    }
}
