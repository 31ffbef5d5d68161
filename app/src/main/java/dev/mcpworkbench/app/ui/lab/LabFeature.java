package dev.mcpworkbench.app.ui.lab;

import dev.mcpworkbench.app.ui.MainWindow;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.app.ui.session.ActiveSession;
import dev.mcpworkbench.app.ui.session.SessionSource;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The demo lab's door: its first screen and menu; "Start and connect" opens the started server
 * through the session like any other HTTP server (with the authorization hook, traffic, log).
 */
public final class LabFeature implements AutoCloseable {

    private final InProcessLab lab = new InProcessLab();
    private final LabViewModel model;

    public LabFeature(MainWindow window, ActiveSession session, Executor background) {
        model = new LabViewModel(lab, background, Platform::runLater);
        model.setConnector((kind, url) -> session.open(new SessionSource.Lab(kind.title(), url),
                ProfileFields.http(kind.title(), url)));
        window.setWelcome(new LabWelcomePane(model));
        window.addMenu(new LabMenu(model));
    }

    public LabViewModel model() {
        return model;
    }

    @Override
    public void close() {
        lab.close();
    }
}
