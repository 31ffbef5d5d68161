package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.app.ui.MainWindow;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.common.Frames;
import dev.mcpworkbench.app.ui.connect.ConnectionViewModel;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.app.ui.connect.ProfileStore;
import dev.mcpworkbench.app.ui.drift.DriftView;
import dev.mcpworkbench.app.ui.drift.DriftViewModel;
import dev.mcpworkbench.app.ui.drift.PinnedDriftBaseline;
import dev.mcpworkbench.app.ui.session.ActiveSession;
import dev.mcpworkbench.app.ui.session.SessionSource;
import dev.mcpworkbench.app.ui.tools.ToolCall;
import dev.mcpworkbench.app.ui.common.Icons;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.catalog.RuleSettingsFile;
import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Dialog;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Findings and Drift tabs of the session on screen: scans every snapshot it shows with the
 * suppressions and DRIFT-001 pin of its source (a saved connection's profile, else this run's
 * memory, see {@link SessionProfiles}), adds the dynamic findings of tools called by hand, and
 * offers to save a typed URL as a connection ({@link SaveAsConnection}). Scans use the user's rule
 * thresholds from {@code rule-settings.json} beside the profiles, edited in {@link RuleSettingsDialog}.
 */
public final class FindingsFeature implements AutoCloseable {

    private final MainWindow window;
    private final ActiveSession session;
    private final FindingsViewModel findings;
    private final DriftViewModel drift;
    private final SessionProfiles profiles = new SessionProfiles();
    /** True while a typed URL's server is on screen, connected, with suppressions and pin not saved. */
    private final ReadOnlyBooleanWrapper savable = new ReadOnlyBooleanWrapper();
    private final SaveAsConnection saveAs;
    private dev.mcpworkbench.inspector.profile.ProfileStore profileStore;
    /** The suppressions and pin of the server on screen; read by the export on a background thread. */
    private volatile ProfileAnalysisStore shown;
    private FxTasks.Handle scanning;
    /** The user's rule thresholds; read by scans on background threads. */
    private volatile RuleSettings ruleSettings = RuleSettings.defaults();
    private RuleSettingsFile ruleSettingsFile;
    /** Why {@code rule-settings.json} could not be read, or "". */
    private String ruleSettingsProblem = "";
    /** Set on the FX thread by {@link #close()}: a scan finishing later must not reach the closed screens. */
    private boolean closed;

    public FindingsFeature(MainWindow window, ActiveSession session, ExecutorService io, Consumer<String> openLink) {
        this.window = window;
        this.session = session;
        findings = new FindingsViewModel(io, Platform::runLater);
        drift = new DriftViewModel(io, Platform::runLater);
        saveAs = new SaveAsConnection(window, findings, this::adopt);
        FindingsView findingsView = new FindingsView(findings, openLink);
        DriftView driftView = new DriftView(drift);
        findingsView.storageNote().offerSaving(savable, this::saveAsConnection);
        driftView.storageNote().offerSaving(savable, this::saveAsConnection);
        window.addWorkspaceTab("Findings", Feather.ALERT_TRIANGLE, findingsView);
        window.addWorkspaceTab("Drift", Feather.GIT_COMMIT, driftView);
        window.workspace().overview().addSection(ServerSummaryPane.following(findings));
        findings.useReportRenderer(new EngineReportRenderer(this::scanContext));
        findings.statusProperty().addListener((o, old, text) -> reportProblem(text));
        drift.statusProperty().addListener((o, old, text) -> reportProblem(text));
        findings.visibleItems().addListener((javafx.beans.Observable o) -> {
            Map<String, ToolBadges.Tally> tallies = findings.toolTallies();
            window.workspace().tools().list().setBadges(name -> ToolBadges.badge(tallies, name));
        });
        // Invalidation, not change: reconnecting yields an equal snapshot, and it must be analysed
        // again (it may come through another profile, with other suppressions).
        window.workspace().snapshotProperty().addListener((javafx.beans.Observable o) -> {
            ServerSnapshot snapshot = window.workspace().snapshotProperty().get();
            if (snapshot != null) analyse(snapshot);
        });
        window.workspace().liveProperty().addListener((o, a, b) -> updateSavable());
        session.onBegin(source -> startOver());
        window.workspace().tools().detail().onResult(this::check);
        window.workspace().skills().onFindings(this::addSkillFindings);
    }

    /** Saved connections: their suppressions and pin are read from and written to their profile. */
    public void followProfiles(ConnectionViewModel connections, ProfileStore store) {
        profileStore = store.profiles();
        saveAs.use(connections, profileStore);
        useRuleSettings(RuleSettingsFile.in(profileStore.file().toAbsolutePath().getParent()));
        // a renamed profile whose server is on screen: later changes go to the new name
        connections.profiles().addListener((ListChangeListener<ProfileFields>) change -> {
            while (change.next()) {
                if (!change.wasReplaced()) continue;
                for (int i = 0; i < change.getRemovedSize() && i < change.getAddedSize(); i++) {
                    String before = change.getRemoved().get(i).name();
                    String now = change.getAddedSubList().get(i).name();
                    if (before.equals(now) || !session.profileName().map(before::equals).orElse(false)) continue;
                    session.savedAs(now);
                    renamed(before, now);
                }
            }
        });
    }

    /** Reads the user's rule thresholds from {@code file} and offers to edit them (Server menu). */
    private void useRuleSettings(RuleSettingsFile file) {
        ruleSettingsFile = file;
        MenuItem item = new MenuItem("R_ule settings\u2026", Icons.of(Feather.SLIDERS));
        item.setId("ruleSettingsMenu");
        item.setMnemonicParsing(true);
        item.setAccelerator(KeyCombination.keyCombination("Shortcut+Comma"));
        item.setOnAction(e -> openRuleSettings());
        window.serverMenu().getItems().addAll(new SeparatorMenuItem(), item);
        FxTasks.shared().run("Reading rule settings", Duration.ofSeconds(20), file::load, loaded -> {
            if (closed) return;
            ruleSettings = loaded.settings();
            ruleSettingsProblem = loaded.problem().orElse("");
            if (!ruleSettingsProblem.isEmpty()) window.status().setMessage(ruleSettingsProblem);
            if (shown != null) rescan(shown);
        }, e -> window.status().setMessage("Cannot read the rule settings: " + FxTasks.message(e)));
    }

    /**
     * Shows the rule settings dialog (not modal-blocking: tests drive it); Save writes the file,
     * then the server on screen is scanned again with the new thresholds.
     */
    public Dialog<RuleSettings> openRuleSettings() {
        RuleSettingsFile file = ruleSettingsFile;
        Dialog<RuleSettings> dialog = RuleSettingsDialog.create(window.getScene() == null ? null : window.getScene().getWindow(),
                ruleSettings, file == null ? "this session only" : file.file().toString(), ruleSettingsProblem);
        dialog.setOnHidden(e -> {
            RuleSettings chosen = dialog.getResult();
            if (chosen != null) saveRuleSettings(file, chosen);
        });
        dialog.show();
        return dialog;
    }

    private void saveRuleSettings(RuleSettingsFile file, RuleSettings chosen) {
        ruleSettings = chosen;
        if (shown != null) rescan(shown);
        if (file == null) return;
        FxTasks.shared().run("Saving rule settings", Duration.ofSeconds(20), () -> {
            file.save(chosen);
            return file.file();
        }, saved -> {
            ruleSettingsProblem = "";
            window.status().setMessage("Rule settings saved in " + saved + "; findings rescanned.");
        }, e -> window.status().setMessage("Could not save the rule settings in " + file.file() + ": " + FxTasks.message(e)
                + "; they apply to this session only."));
    }

    /** The rule thresholds scans use now. */
    public RuleSettings ruleSettings() {
        return ruleSettings;
    }

    private void startOver() {
        if (scanning != null) scanning.cancel();
        shown = null;
        findings.startOver();
        updateSavable();
    }

    private void renamed(String before, String now) {
        ProfileAnalysisStore current = shown;
        ServerSnapshot snapshot = findings.snapshotProperty().get();
        if (current == null || !current.renamed(before, now)) return;
        findings.useSuppressionStore(current.suppressionStore());
        if (snapshot != null) drift.show(new PinnedDriftBaseline(current.baselineStore()), snapshot);
    }

    /** A tool called by hand answered: the dynamic rules' findings on its result join the session's. */
    private void check(ToolCall call) {
        long generation = session.generation();
        // the result pane lays out the result in the next pulse: the parse waits for it to be on screen
        java.util.concurrent.CountDownLatch shown = Frames.afterPulses(3);
        FxTasks.shared().run("Checking the result of " + call.tool(), Duration.ofSeconds(60),
                () -> {
                    shown.await(1, java.util.concurrent.TimeUnit.SECONDS);
                    return call.analysis().findings(); // the parse is shared with the result's Payload tab
                },
                found -> {
                    if (closed || generation != session.generation()) return;
                    int added = findings.addDynamic(found);
                    if (added > 0) window.status().setMessage(call.tool() + ": " + added + " new finding"
                            + (added == 1 ? "" : "s") + " on its result, in the Findings tab.");
                },
                e -> window.status().setMessage("Could not check the result of " + call.tool() + ": " + FxTasks.message(e)));
    }

    /** A skill failed verification when loaded: its DRIFT-004 findings join the session's. */
    private void addSkillFindings(List<Finding> found) {
        if (closed) return;
        int added = findings.addDynamic(found);
        if (added > 0) window.status().setMessage("Skill verification: " + added + " new finding" + (added == 1 ? "" : "s")
                + ", in the Findings tab.");
    }

    /**
     * Reads the suppressions and pin of the server's source, scans with them off the FX thread,
     * then shows findings and the drift against the pin.
     */
    private void analyse(ServerSnapshot snapshot) {
        Optional<String> profile = profileStore == null ? Optional.empty() : session.profileName();
        String key = SessionProfiles.key(snapshot);
        long generation = session.generation();
        if (scanning != null) scanning.cancel();
        scanning = FxTasks.shared().run("Scanning", Duration.ofSeconds(120), () -> {
            ProfileAnalysisStore stores = open(profile, key);
            return new Analysis(stores, StaticRules.scan(snapshot, contextOf(stores)));
        }, analysis -> {
            if (!closed && generation == session.generation()) show(snapshot, analysis);
        }, e -> window.status().setMessage("Scan failed: " + FxTasks.message(e)));
    }

    private record Analysis(ProfileAnalysisStore stores, ScanResult result) {
    }

    /** Blocking. A profile that cannot be read falls back to the session, with the reason shown. */
    private ProfileAnalysisStore open(Optional<String> profile, String key) {
        if (profile.isEmpty()) return profiles.stores(key);
        try {
            return ProfileAnalysisStore.forProfile(profileStore, profile.get());
        } catch (java.io.IOException e) {
            Platform.runLater(() -> window.status().setMessage("Cannot read the suppressions and pin of \u201c"
                    + profile.get() + "\u201d (" + FxTasks.message(e) + "); they are kept for this session only."));
            return profiles.stores(key);
        }
    }

    private void show(ServerSnapshot snapshot, Analysis analysis) {
        ProfileAnalysisStore stores = analysis.stores();
        keepIn(stores, snapshot);
        findings.show(snapshot, analysis.result());
        if (!stores.warnings().isEmpty()) window.status().setMessage(String.join(" ", stores.warnings()));
    }

    /** Makes {@code stores} hold the suppressions and pin of the server on screen. */
    private void keepIn(ProfileAnalysisStore stores, ServerSnapshot snapshot) {
        shown = stores;
        stores.onPinned(() -> Platform.runLater(() -> rescan(stores)));
        findings.useSuppressionStore(stores.suppressionStore());
        drift.show(new PinnedDriftBaseline(stores.baselineStore()), snapshot);
        updateSavable();
    }

    private void updateSavable() {
        ProfileAnalysisStore stores = shown;
        savable.set(stores != null && !stores.saved() && session.source() instanceof SessionSource.TypedUrl
                && window.workspace().liveProperty().get() != null && profileStore != null);
    }

    private void saveAsConnection() {
        if (session.source() instanceof SessionSource.TypedUrl typed) saveAs.offer(typed.url(), shown);
    }

    /** "Save as connection…" succeeded: the server on screen is that profile's from now on. */
    private void adopt(String name, ProfileAnalysisStore saved, ProfileAnalysisStore was, ServerSnapshot snapshot) {
        if (closed || shown != was) return; // another server came on screen meanwhile
        session.savedAs(name);
        keepIn(saved, snapshot);
    }

    /** After a (re-)pin: DRIFT-001 findings follow the new pin. */
    private void rescan(ProfileAnalysisStore stores) {
        ServerSnapshot snapshot = findings.snapshotProperty().get();
        if (closed || stores != shown || snapshot == null) return;
        if (scanning != null) scanning.cancel();
        scanning = FxTasks.shared().run("Scanning", Duration.ofSeconds(120),
                () -> StaticRules.scan(snapshot, contextOf(stores)),
                result -> {
                    if (!closed && stores == shown) findings.show(snapshot, result);
                },
                e -> window.status().setMessage("Scan failed: " + FxTasks.message(e)));
    }

    /** What scans and exports know: the rule thresholds, the pin (DRIFT-001) and the accepted findings of the server on screen. */
    private ScanContext scanContext() {
        ProfileAnalysisStore stores = shown;
        return stores == null ? ScanContext.defaults().withSettings(ruleSettings) : contextOf(stores);
    }

    private ScanContext contextOf(ProfileAnalysisStore stores) {
        return ScanContext.defaults().withSettings(ruleSettings).withBaseline(stores.pin().orElse(null)).withSuppressions(stores.suppressions());
    }

    /** Failures to save are repeated in the window's status bar, so they are seen from any tab. */
    private void reportProblem(String text) {
        if (text != null && text.startsWith("Could not")) window.status().setMessage(text);
    }

    public FindingsViewModel findings() {
        return findings;
    }

    public DriftViewModel drift() {
        return drift;
    }

    @Override
    public void close() {
        closed = true;
        if (scanning != null) scanning.cancel();
    }
}
