package dev.mcpworkbench.app.ui;

import javafx.application.Application;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts the desktop app. Kept apart from the {@link Application} subclass: a main class that
 * extends Application fails on the classpath ("JavaFX runtime components are missing").
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /** For development: {@code DesktopLauncher [snapshot.json]} opens the snapshot at start. */
    public static void main(String[] args) {
        launch(args);
    }

    public static void launch(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        RenderingPipeline.chooseBeforeStart();
        Application.launch(WorkbenchApp.class, args);
    }
}
