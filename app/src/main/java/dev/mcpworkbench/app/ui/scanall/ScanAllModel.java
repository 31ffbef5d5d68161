package dev.mcpworkbench.app.ui.scanall;

import dev.mcpworkbench.app.scan.ServerOutcome;
import dev.mcpworkbench.app.scan.ServerSetResult;
import dev.mcpworkbench.app.scan.ServerSetScan;
import dev.mcpworkbench.app.scan.ServerStatus;
import dev.mcpworkbench.app.scan.ServerToScan;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.connect.Connector;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.app.ui.findings.ExportFormat;
import dev.mcpworkbench.app.ui.findings.FindingItem;
import dev.mcpworkbench.app.ui.log.LogEntry;
import dev.mcpworkbench.app.ui.traffic.TrafficRow;
import dev.mcpworkbench.inspector.io.AtomicFiles;
import dev.mcpworkbench.inspector.report.ReportFormat;
import dev.mcpworkbench.inspector.report.Reports;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.catalog.AllRules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Scan all window's state: the saved connections with their tick boxes, a run over the ticked
 * ones ({@link ServerSetScan}, the same run as {@code scan --config --connect}) reached through
 * the app's own connector without asking anyone, its progress, and the findings of the whole set.
 * Everything here is changed on the FX thread; the run itself happens off it.
 */
public final class ScanAllModel {

    /** How long connecting and listing one server may take. */
    public static final Duration PER_SERVER_LIMIT = Duration.ofSeconds(60);

    /** Each ticked connection's own context (target, pin, suppressions, settings). Blocking: it may read the profiles file. */
    @FunctionalInterface
    public interface Contexts {
        List<ScanContext> of(List<ProfileFields> profiles) throws Exception;
    }

    private final Connector connector;
    private final Contexts contexts;
    private final FxTasks tasks;
    private final Executor fx;
    private final Duration perServerLimit;
    private final ObservableList<ServerRow> rows = FXCollections.observableArrayList(
            row -> new Observable[] {row.tickedProperty(), row.outcomeProperty()});
    private final ObservableList<SetFinding> findings = FXCollections.observableArrayList();
    private final StringProperty serverFilter = new SimpleStringProperty("");
    private final StringProperty search = new SimpleStringProperty("");
    private final javafx.collections.transformation.FilteredList<SetFinding> shown = new javafx.collections.transformation.FilteredList<>(findings);
    private final ObjectProperty<SetFinding> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<ServerSetResult> result = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty exporting = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanBinding canStart;
    private ServerSetScan scan;
    private List<ServerRow> inRun = List.of();

    /**
     * @param connector the app's connector; its unattended form is used (no authorization flow, no dialogs)
     * @param fx        where the run's progress is delivered ({@code Platform::runLater} in the app)
     */
    public ScanAllModel(Connector connector, Contexts contexts, FxTasks tasks, Executor fx, Duration perServerLimit) {
        this.connector = connector.unattended();
        this.contexts = contexts;
        this.tasks = tasks;
        this.fx = fx;
        this.perServerLimit = perServerLimit;
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> matcher(serverFilter.get(), search.get()),
                serverFilter, search));
        canStart = Bindings.createBooleanBinding(() -> !running.get() && rows.stream().anyMatch(r -> r.tickedProperty().get()),
                running, rows);
    }

    /** Shows these saved connections, all ticked; the results of an earlier run are cleared. */
    public void setProfiles(List<ProfileFields> profiles) {
        if (running.get()) return;
        // the same connections as shown: the last run's results stay on screen
        if (!rows.isEmpty() && rows.stream().map(ServerRow::profile).toList().equals(profiles)) return;
        rows.setAll(profiles.stream().map(ServerRow::new).toList());
        findings.clear();
        result.set(null);
        progress.set(0);
        status.set(profiles.isEmpty() ? "No saved connections yet: add one in the sidebar or import a client configuration."
                : profiles.size() + " saved connections. Untick those to leave out, then Start.");
    }

    /** Connects to every ticked connection in turn, then judges them together. */
    public void start() {
        if (!canStart.get()) return;
        List<ServerRow> chosen = rows.stream().filter(r -> r.tickedProperty().get()).toList();
        rows.forEach(r -> r.outcomeProperty().set(null));
        findings.clear();
        selected.set(null);
        result.set(null);
        inRun = chosen;
        List<ProfileFields> profiles = chosen.stream().map(ServerRow::profile).toList();
        ServerSetScan run = new ServerSetScan(perServerLimit, ServerSetScan.Labels.GIVEN_NAMES);
        scan = run;
        running.set(true);
        progress.set(0);
        status.set("Scanning " + chosen.size() + " connections\u2026");
        // each server has its own limit; the whole run's is theirs together, and a margin for the rules
        Duration overall = perServerLimit.plusSeconds(5).multipliedBy(chosen.size()).plusMinutes(2);
        tasks.run("Scan all", overall, () -> {
            List<ScanContext> own = contexts.of(profiles);
            List<ServerToScan<ProfileFields>> servers = new ArrayList<>();
            for (int i = 0; i < profiles.size(); i++) servers.add(new ServerToScan<>(profiles.get(i).name(), profiles.get(i), own.get(i)));
            return run.run(servers, this::snapshot, (index, outcome) -> fx.execute(() -> changed(chosen.get(index), outcome)));
        }, done -> finished(run, done), failure -> failed(run, failure));
    }

    /** Stops after the server being reached (whose connection is aborted); what was reached is still judged. */
    public void cancel() {
        ServerSetScan run = scan;
        if (run == null || !running.get()) return;
        run.cancel();
        status.set("Cancelling\u2026");
    }

    private dev.mcpworkbench.inspector.snapshot.ServerSnapshot snapshot(ProfileFields profile) throws Exception {
        try (Connector.Session session = connector.open(profile, QUIET)) {
            return session.snapshot();
        }
    }

    private void changed(ServerRow row, ServerOutcome outcome) {
        row.outcomeProperty().set(outcome);
        long past = inRun.stream().filter(r -> r.status() != null && r.status() != ServerStatus.WAITING
                && r.status() != ServerStatus.CONNECTING).count();
        if (running.get()) progress.set(inRun.isEmpty() ? 1 : (double) past / inRun.size());
    }

    private void finished(ServerSetScan run, ServerSetResult done) {
        if (run != scan) return;
        running.set(false);
        progress.set(1);
        result.set(done);
        List<SetFinding> all = new ArrayList<>();
        for (ServerOutcome server : done.servers()) {
            if (!server.reached()) continue;
            for (Finding f : server.result().findings()) {
                Finding local = server.local(f);
                all.add(new SetFinding(server.name(), new FindingItem(local, AllRules.metadata(f.ruleId()).orElse(null), null),
                        server.snapshot()));
            }
        }
        all.sort(Comparator.comparing((SetFinding f) -> f.item().finding().severity()).thenComparing(SetFinding::server)
                .thenComparing(f -> f.item().finding().ruleId()));
        findings.setAll(all);
        long scanned = done.servers().stream().filter(ServerOutcome::reached).count();
        long notReached = done.servers().size() - scanned;
        status.set((done.cancelled() ? "Cancelled. " : "") + "Scanned " + scanned + " of " + done.servers().size() + " connections: "
                + all.size() + " findings" + (notReached == 0 ? "." : "; " + notReached + " not scanned."));
    }

    private void failed(ServerSetScan run, Throwable failure) {
        if (run != scan) return;
        run.cancel();
        running.set(false);
        status.set("Scan all stopped: " + FxTasks.message(failure));
    }

    /** Writes the whole set's report, as {@code scan --config --connect} writes it, off the FX thread. */
    public void export(ExportFormat format, Path target) {
        ServerSetResult done = result.get();
        if (done == null || exporting.get()) return;
        exporting.set(true);
        status.set("Writing " + format.label() + " report\u2026");
        String version = ScanAllModel.class.getPackage().getImplementationVersion();
        List<ProfileFields> ran = inRun.stream().map(ServerRow::profile).toList();
        tasks.run("Exporting", Duration.ofMinutes(5), () -> {
            ScanResult report = done.report(done.servers().size() + " saved connections", i -> ran.get(i).target(),
                    i -> ran.get(i).kind().toString());
            String text = Reports.render(report, ReportFormat.valueOf(format.name()), version);
            AtomicFiles.write(target, text);
            return target;
        }, written -> {
            exporting.set(false);
            status.set("Wrote " + format.label() + " report to " + written + ".");
        }, e -> {
            exporting.set(false);
            status.set("Could not write the report: " + FxTasks.message(e));
        });
    }

    public ObservableList<ServerRow> rows() {
        return rows;
    }

    /** Every finding of the last run, worst first. */
    public ObservableList<SetFinding> findings() {
        return findings;
    }

    /** The findings the table shows: of one server ("" for all), matching the search words. */
    public ObservableList<SetFinding> shownFindings() {
        return shown;
    }

    public StringProperty serverFilterProperty() {
        return serverFilter;
    }

    public StringProperty searchProperty() {
        return search;
    }

    private static java.util.function.Predicate<SetFinding> matcher(String server, String text) {
        String words = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return f -> (server == null || server.isEmpty() || f.server().equals(server))
                && (words.isEmpty() || (f.item().finding().ruleId() + " " + f.item().finding().message() + " "
                        + f.item().finding().location().display()).toLowerCase(java.util.Locale.ROOT).contains(words));
    }

    public ObjectProperty<SetFinding> selectedProperty() {
        return selected;
    }

    public ObjectProperty<ServerSetResult> resultProperty() {
        return result;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty exportingProperty() {
        return exporting;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    /** A scanned server's traffic and log are not kept: only what it listed is. */
    private static final Connector.Listener QUIET = new Connector.Listener() {
        @Override
        public void traffic(TrafficRow row) {
        }

        @Override
        public void log(LogEntry entry) {
        }

        @Override
        public void listChanged(String list) {
        }

        @Override
        public void closed(String reason) {
        }
    };
}
