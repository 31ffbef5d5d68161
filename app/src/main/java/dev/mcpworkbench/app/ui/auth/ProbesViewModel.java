package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.app.auth.ProbeRun;
import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.probe.ActiveProbe;
import dev.mcpworkbench.oauth.probe.ActiveProbes;
import dev.mcpworkbench.oauth.probe.ProbeResult;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Probes panel's state: the eight active probes with a check box each, the run's progress and
 * status, and one result line per finished probe (its verdict, then each finding). The run itself
 * happens off the FX thread ({@link ProbeRun}); its progress comes back through {@code fx}.
 */
public final class ProbesViewModel {

    /** Starts probes against the connection on screen; throws IllegalStateException with the reason when there is nothing to probe. */
    @FunctionalInterface
    public interface Launcher {
        ProbeRun launch(List<ActiveProbe> probes, ProbeRun.Progress progress);
    }

    /** One probe and whether it is chosen. */
    public record Row(ActiveProbe probe, BooleanProperty chosen) {
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> results = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("Choose probes and run them after a successful authorization.");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final Launcher launcher;
    private final Executor fx;
    private ProbeRun run;

    public ProbesViewModel(Launcher launcher, Executor fx) {
        this.launcher = launcher;
        this.fx = fx;
        ActiveProbes.all().forEach(p -> rows.add(new Row(p, new SimpleBooleanProperty(false))));
    }

    public List<ActiveProbe> chosen() {
        return rows.stream().filter(r -> r.chosen().get()).map(Row::probe).toList();
    }

    /** The chosen probes that leave something behind at the server: the user must agree to these. */
    public List<ActiveProbe> needingConsent() {
        return chosen().stream().filter(p -> p.sideEffect() != null).toList();
    }

    /** Starts the chosen probes (consent already given). FX thread. */
    public void start() {
        List<ActiveProbe> probes = chosen();
        if (probes.isEmpty() || running.get()) return;
        results.clear();
        progress.set(0);
        try {
            run = launcher.launch(probes, new ProbeRun.Progress() {
                @Override
                public void starting(ActiveProbe probe, int index, int total) {
                    fx.execute(() -> {
                        status.set("Running " + probe.name() + " (" + (index + 1) + " of " + total + "): " + probe.description());
                        progress.set((double) index / total);
                    });
                }

                @Override
                public void finished(ProbeResult result, int index, int total) {
                    fx.execute(() -> {
                        progress.set((double) (index + 1) / total);
                        results.add(result.probe().name() + " (" + result.probe().ruleId() + "): " + result.verdict());
                        for (OAuthFinding f : result.findings()) results.add("    " + f.ruleId() + " " + f.verdict() + " " + f.message());
                    });
                }
            });
        } catch (IllegalStateException nothingToProbe) {
            status.set(nothingToProbe.getMessage());
            return;
        }
        running.set(true);
        ProbeRun started = run;
        started.results().whenComplete((list, error) -> fx.execute(() -> {
            running.set(false);
            status.set(error != null ? "Probes stopped: " + error.getMessage()
                    : (started.cancelled() ? "Cancelled after " : "Done: ") + list.size() + " of " + probes.size()
                    + " probes ran. Their steps, findings and exchanges are in the Authorization tab's list.");
        }));
    }

    /** Stops the run after the probe in flight. */
    public void cancel() {
        if (run != null) run.cancel();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<String> results() {
        return results;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }
}
