package dev.mcpworkbench.app.ui;

import dev.mcpworkbench.app.ui.common.ThemeSettings;
import dev.mcpworkbench.app.ui.findings.AnalysisFeatures;
import dev.mcpworkbench.app.ui.findings.LinkOpener;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the main window and wires its parts together; the one place that knows them all.
 * Tests build the same context the app does.
 */
public final class AppContext implements AutoCloseable {

    private final MainWindow window;
    private final AnalysisFeatures analysis;

    private AppContext(MainWindow window) {
        this.window = window;
        this.analysis = AnalysisFeatures.install(window, LinkOpener::open);
    }

    public static AppContext create(ThemeSettings theme) {
        MainWindow window = new MainWindow(theme);
        return new AppContext(window);
    }

    /** Findings, drift, lab and authorization (see docs/findings-ui.md). */
    public AnalysisFeatures analysis() {
        return analysis;
    }

    public MainWindow window() {
        return window;
    }

    /** After the stage is shown: a snapshot path given on the command line opens at once. */
    void started(List<String> args) {
        args.stream().filter(a -> a.endsWith(".json")).findFirst().map(Path::of).ifPresent(window::openSnapshot);
    }

    @Override
    public void close() {
        analysis.close();
    }
}
