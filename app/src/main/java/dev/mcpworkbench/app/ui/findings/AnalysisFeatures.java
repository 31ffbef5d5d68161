package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import dev.mcpworkbench.app.ui.MainWindow;
import dev.mcpworkbench.app.ui.auth.AuthStepsPanel;
import dev.mcpworkbench.app.ui.auth.AuthStepsViewModel;
import dev.mcpworkbench.app.ui.auth.AuthWindow;
import dev.mcpworkbench.app.ui.auth.AuthorizingConnection;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.connect.ConnectionViewModel;
import dev.mcpworkbench.app.ui.connect.ProfileDialog;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.app.ui.connect.ProfileStore;
import dev.mcpworkbench.app.ui.drift.DriftView;
import dev.mcpworkbench.app.ui.drift.DriftViewModel;
import dev.mcpworkbench.app.ui.drift.PinnedDriftBaseline;
import dev.mcpworkbench.app.ui.lab.InProcessLab;
import dev.mcpworkbench.app.ui.lab.LabMenu;
import dev.mcpworkbench.app.ui.lab.LabViewModel;
import dev.mcpworkbench.app.ui.lab.LabWelcomePane;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.Baseline;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.oauth.flow.AuthorizationAgent;
import dev.mcpworkbench.oauth.flow.BrowserAgent;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import org.kordamp.ikonli.feather.Feather;

/**
 * Plugs the analysis screens into the main window: Findings, Drift and Authorization tabs, the
 * findings summary on the overview, badges in the tool list, the lab's first screen and menu, and
 * connecting to a Streamable HTTP server with authorization.
 *
 * <p>Suppressions and the DRIFT-001 pin of a server opened through a saved connection are read
 * from and written to that connection's profile ({@link ProfileAnalysisStore}); a server reached
 * any other way (the lab, a typed URL, a snapshot file) keeps them for the session only
 * ({@link SessionProfiles}), and the screens say so.
 */
public final class AnalysisFeatures implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Covers a browser authorization (the callback waits up to 5 minutes) plus the listing. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(6);

    private final MainWindow window;
    private final ExecutorService io = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("workbench-analysis-", 0).factory());
    private final FindingsViewModel findings = new FindingsViewModel(io, Platform::runLater);
    private final DriftViewModel drift = new DriftViewModel(io, Platform::runLater);
    private final AuthStepsViewModel auth = new AuthStepsViewModel(Platform::runLater);
    private final InProcessLab lab = new InProcessLab();
    private final LabViewModel labModel = new LabViewModel(lab, io, Platform::runLater);
    /** For connections made without a saved profile (the lab, a URL typed in): kept for this session. */
    private final SessionProfiles profiles = new SessionProfiles();
    private ConnectionViewModel savedConnections;
    private dev.mcpworkbench.inspector.profile.ProfileStore profileStore;
    /** The suppressions and pin of the server on screen; read by the export on a background thread. */
    private volatile ProfileAnalysisStore shown;
    private AuthorizingConnection connection;
    /** The URL typed in for {@link #connection}; null when the lab made it (its port changes every run). */
    private URI typedUrl;
    /** The saved connection {@link #connection}'s server was saved as ("Save as connection…"), if it was. */
    private String savedAs;
    /** True while the server on screen was reached by a typed URL and its suppressions and pin are not saved. */
    private final ReadOnlyBooleanWrapper savable = new ReadOnlyBooleanWrapper();
    /** True while a connection made here (lab, URL) is open, as opposed to one of a saved profile. */
    private final ReadOnlyBooleanWrapper directlyConnected = new ReadOnlyBooleanWrapper();
    private Runnable beforeDirectConnection = () -> { };
    private AuthorizationAgent authorizationAgent;
    private AuthWindow authWindow;
    private FxTasks.Handle scanning;
    /** Set on the FX thread by {@link #close()}: a scan finishing later must not reach the closed screens. */
    private boolean closed;

    private AnalysisFeatures(MainWindow window) {
        this.window = window;
    }

    public static AnalysisFeatures install(MainWindow window, java.util.function.Consumer<String> openLink) {
        AnalysisFeatures features = new AnalysisFeatures(window);
        features.wire(openLink);
        return features;
    }

    private void wire(java.util.function.Consumer<String> openLink) {
        FindingsView findingsView = new FindingsView(findings, openLink);
        DriftView driftView = new DriftView(drift);
        findingsView.storageNote().offerSaving(savable, this::saveAsConnection);
        driftView.storageNote().offerSaving(savable, this::saveAsConnection);
        window.addWorkspaceTab("Findings", Feather.ALERT_TRIANGLE, findingsView);
        window.addWorkspaceTab("Drift", Feather.GIT_COMMIT, driftView);
        window.addWorkspaceTab("Authorization", Feather.KEY, new AuthStepsPanel(auth));
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
        labModel.setConnector((kind, url) -> connect(url, false));
        window.setWelcome(new LabWelcomePane(labModel));
        window.addMenu(new LabMenu(labModel));
        MenuItem connectUrl = new MenuItem("Connect to _HTTP URL…", new org.kordamp.ikonli.javafx.FontIcon(Feather.LINK));
        connectUrl.setId("connectHttpUrl");
        connectUrl.setOnAction(e -> askUrl());
        window.serverMenu().getItems().add(connectUrl);
    }

    /**
     * Follows the sidebar's connections: a server connected through a saved profile gets that
     * profile's suppressions and pin, and changes are saved to it.
     */
    public void followProfiles(ConnectionViewModel connections, ProfileStore store) {
        savedConnections = connections;
        profileStore = store.profiles();
        connections.activeProperty().addListener((o, before, now) -> {
            if (before != null && now != null) renamed(before.name(), now.name());
        });
        // the connection a typed URL was saved as is renamed in the sidebar while its server is on screen
        connections.profiles().addListener((ListChangeListener<ProfileFields>) change -> {
            while (change.next()) {
                if (!change.wasReplaced() || savedAs == null) continue;
                for (int i = 0; i < change.getRemovedSize() && i < change.getAddedSize(); i++) {
                    String before = change.getRemoved().get(i).name();
                    String now = change.getAddedSubList().get(i).name();
                    if (!before.equals(savedAs) || before.equals(now)) continue;
                    savedAs = now;
                    renamed(before, now);
                }
            }
        });
    }

    /** Later changes go to the profile's new name, and the screens say so. */
    private void renamed(String before, String now) {
        ProfileAnalysisStore current = shown;
        ServerSnapshot snapshot = findings.snapshotProperty().get();
        if (current == null || before.equals(now) || !current.renamed(before, now)) return;
        findings.useSuppressionStore(current.suppressionStore());
        if (snapshot != null) drift.show(new PinnedDriftBaseline(current.baselineStore()), snapshot);
    }

    /** The saved connection whose live session is on screen, if the server on screen came from one. */
    private Optional<String> profileOnScreen() {
        if (savedConnections == null || profileStore == null) return Optional.empty();
        if (savedAs != null && connection != null && window.workspace().liveProperty().get() == connection) {
            return Optional.of(savedAs);
        }
        ProfileFields active = savedConnections.activeProperty().get();
        Object live = window.workspace().liveProperty().get();
        if (active == null || live == null || live != savedConnections.session()) return Optional.empty();
        return Optional.of(active.name());
    }

    /**
     * Reads the suppressions and pin of the server's profile (or this session's), scans with them
     * off the FX thread, then shows findings and the drift against the pin.
     */
    private void analyse(ServerSnapshot snapshot) {
        Optional<String> profile = profileOnScreen();
        String key = SessionProfiles.key(snapshot);
        if (scanning != null) scanning.cancel();
        scanning = FxTasks.shared().run("Scanning", Duration.ofSeconds(120), () -> {
            ProfileAnalysisStore stores = open(profile, key);
            return new Analysis(stores, StaticRules.scan(snapshot, contextOf(stores)));
        }, analysis -> show(snapshot, analysis), e -> window.status().setMessage("Scan failed: " + FxTasks.message(e)));
    }

    private record Analysis(ProfileAnalysisStore stores, ScanResult result) {
    }

    /** Blocking. A profile that cannot be read falls back to the session, with the reason shown. */
    private ProfileAnalysisStore open(Optional<String> profile, String key) {
        if (profile.isEmpty()) return profiles.stores(key);
        try {
            return ProfileAnalysisStore.forProfile(profileStore, profile.get());
        } catch (java.io.IOException e) {
            ProfileAnalysisStore fallback = profiles.stores(key);
            Platform.runLater(() -> window.status().setMessage("Cannot read the suppressions and pin of \u201c"
                    + profile.get() + "\u201d (" + FxTasks.message(e) + "); they are kept for this session only."));
            return fallback;
        }
    }

    private void show(ServerSnapshot snapshot, Analysis analysis) {
        if (closed) return;
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
        savable.set(!stores.saved() && typedUrl != null && connection != null
                && window.workspace().liveProperty().get() == connection && savedConnections != null);
    }

    /**
     * "Save as connection…": a new saved connection to the typed URL, prefilled and editable,
     * which takes over the server's suppressions and pin; later changes are written to it.
     */
    private void saveAsConnection() {
        ProfileAnalysisStore stores = shown;
        URI url = typedUrl;
        ServerSnapshot snapshot = findings.snapshotProperty().get();
        if (stores == null || url == null || snapshot == null || savedConnections == null) return;
        String suggested = snapshot.serverName().isBlank() ? url.getHost() : snapshot.serverName();
        ProfileFields prefill = new ProfileFields(suggested, ProfileFields.Kind.HTTP, "", java.util.List.of(), Map.of(), "",
                url.toString(), Map.of(), java.util.List.of());
        ProfileDialog dialog = ProfileDialog.saveAs(window.getScene().getWindow(), prefill, savedConnections.namesBesides(null));
        dialog.showAndWait().ifPresent(fields -> FxTasks.shared().run("Saving the connection " + fields.name(),
                Duration.ofSeconds(20),
                () -> stores.saveAs(profileStore, ProfileStore.profile(fields)),
                saved -> adopt(fields, saved, stores, snapshot),
                e -> window.status().setMessage("Could not save the connection: " + FxTasks.message(e))));
    }

    private void adopt(ProfileFields fields, ProfileAnalysisStore saved, ProfileAnalysisStore was, ServerSnapshot snapshot) {
        // the sidebar's own save reads the file first, so it keeps the suppressions and pin just written
        savedConnections.saveProfile(null, fields);
        window.status().setMessage("Saved as the connection \u201c" + fields.name() + "\u201d, with its suppressions and pin.");
        if (closed || shown != was) return; // another server came on screen meanwhile
        savedAs = fields.name();
        keepIn(saved, snapshot);
    }

    /** After a (re-)pin: DRIFT-001 findings follow the new pin. */
    private void rescan(ProfileAnalysisStore stores) {
        if (closed) return;
        ServerSnapshot snapshot = findings.snapshotProperty().get();
        if (stores != shown || snapshot == null) return;
        if (scanning != null) scanning.cancel();
        scanning = FxTasks.shared().run("Scanning", Duration.ofSeconds(120),
                () -> StaticRules.scan(snapshot, contextOf(stores)),
                result -> {
                    if (!closed && stores == shown) findings.show(snapshot, result);
                },
                e -> window.status().setMessage("Scan failed: " + FxTasks.message(e)));
    }

    /** What scans and exports know: the pin (DRIFT-001) and the accepted findings of the server on screen. */
    private ScanContext scanContext() {
        ProfileAnalysisStore stores = shown;
        return stores == null ? ScanContext.defaults() : contextOf(stores);
    }

    private static ScanContext contextOf(ProfileAnalysisStore stores) {
        return ScanContext.defaults().withBaseline(stores.pin().orElse(null)).withSuppressions(stores.suppressions());
    }

    /** Failures to save are repeated in the window's status bar, so they are seen from any tab. */
    private void reportProblem(String text) {
        if (text != null && text.startsWith("Could not")) window.status().setMessage(text);
    }

    private void askUrl() {
        TextInputDialog dialog = new TextInputDialog("http://127.0.0.1:3000/mcp");
        dialog.initOwner(window.getScene().getWindow());
        dialog.setTitle("Connect");
        dialog.setHeaderText("Streamable HTTP endpoint of the MCP server");
        dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(text -> {
            try {
                URI url = URI.create(text);
                if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
                    throw new IllegalArgumentException("the URL must start with http:// or https://");
                }
                connect(url, true);
            } catch (IllegalArgumentException bad) {
                window.status().setMessage("Not a usable URL: " + bad.getMessage());
            }
        });
    }

    /**
     * Connects to {@code url}, typed in by the user; a 401 starts the authorization flow, shown
     * step by step. Its suppressions and pin last for the session until it is saved as a connection.
     */
    public void connect(URI url) {
        connect(url, true);
    }

    private void connect(URI url, boolean typed) {
        FlowTrace trace = new FlowTrace();
        auth.follow(trace);
        if (authWindow == null) authWindow = new AuthWindow(auth, window.getScene() == null ? null : window.getScene().getWindow());
        trace.addListener(authWindow.opener());
        FlowOptions options = browserOptions();
        window.status().setMessage("Connecting to " + url + "…");
        FxTasks.shared().run("Connecting to " + url, CONNECT_TIMEOUT,
                () -> AuthorizingConnection.open(url, options, trace, REQUEST_TIMEOUT),
                opened -> connected(opened, typed ? url : null),
                e -> {
                    window.status().setConnection("Not connected", Feather.LINK_2, "state-error");
                    window.status().setMessage("Cannot connect to " + url + ": " + FxTasks.message(e));
                    if (trace.steps().size() > 1) authWindow.show();
                });
    }

    private void connected(AuthorizingConnection opened, URI typed) {
        beforeDirectConnection.run();
        AuthorizingConnection previous = connection;
        connection = opened;
        typedUrl = typed;
        savedAs = null;
        if (previous != null) io.execute(previous::close);
        window.workspace().liveProperty().set(opened);
        directlyConnected.set(true);
        window.showSnapshot(opened.snapshot());
        window.status().setConnection("Connected: " + opened.snapshot().source(), Feather.LINK, "state-ok");
        window.status().setMessage("Connected to " + opened.snapshot().source() + " · "
                + opened.snapshot().tools().size() + " tools");
    }

    /**
     * The authorization hook for one HTTP connection opened through core's connector: a fresh
     * OAuth session whose steps the Authorization tab (and, during a flow, its window) follow.
     */
    public dev.mcpworkbench.inspector.connect.HttpAuthorization authorizationFor(URI url) {
        FlowTrace trace = new FlowTrace();
        auth.follow(trace);
        if (authWindow == null) authWindow = new AuthWindow(auth, window.getScene() == null ? null : window.getScene().getWindow());
        trace.addListener(authWindow.opener());
        return new dev.mcpworkbench.app.auth.OAuthHttpAuthorization(new dev.mcpworkbench.oauth.flow.OAuthSession(url,
                browserOptions(), new dev.mcpworkbench.oauth.http.RecordingHttpClient(REQUEST_TIMEOUT, 1 << 20), trace,
                new dev.mcpworkbench.oauth.registration.RegistrationStore()));
    }

    private FlowOptions browserOptions() {
        AuthorizationAgent agent = authorizationAgent != null ? authorizationAgent
                : new BrowserAgent(message -> Platform.runLater(() -> window.status().setMessage(message)));
        // A local authorization server that supports CIMD gets a document served on loopback: it needs
        // no registration endpoint, no initial access token and no pre-registered client.
        return new FlowOptions(null, null, null, null, 0, Duration.ofMinutes(5), agent, null, 2)
                .withServedClientMetadata(true);
    }

    /**
     * Who takes the user through authorization pages: the system browser unless replaced (an
     * embedded or scripted browser; the end-to-end tests drive the consent page over HTTP).
     */
    public void useAuthorizationAgent(AuthorizationAgent agent) {
        this.authorizationAgent = agent;
    }

    public AuthStepsViewModel authSteps() {
        return auth;
    }

    /** Closes the connection made here (lab, URL), if one is open. */
    public void disconnect() {
        AuthorizingConnection open = connection;
        connection = null;
        if (open == null) return;
        io.execute(open::close);
        if (window.workspace().liveProperty().get() == open) window.workspace().liveProperty().set(null);
        directlyConnected.set(false);
        window.status().setConnection("Not connected", Feather.CIRCLE, null);
    }

    public ReadOnlyBooleanProperty directlyConnectedProperty() {
        return directlyConnected.getReadOnlyProperty();
    }

    /** Runs before a lab or URL connection is shown (the app closes a profile's connection there). */
    public void beforeDirectConnection(Runnable action) {
        this.beforeDirectConnection = action;
    }

    public FindingsViewModel findings() {
        return findings;
    }

    public LabViewModel lab() {
        return labModel;
    }

    public DriftViewModel drift() {
        return drift;
    }

    @Override
    public void close() {
        closed = true;
        if (scanning != null) scanning.cancel();
        AuthorizingConnection open = connection;
        connection = null;
        if (open != null) open.close();
        lab.close();
        io.shutdown();
    }

    /**
     * Suppressions and pins of servers not opened through a saved connection, for this session,
     * keyed by server name (or source), so reconnecting to the same lab server keeps them.
     */
    static final class SessionProfiles {
        private final Map<String, Suppressions> suppressions = new ConcurrentHashMap<>();
        private final Map<String, Baseline> baselines = new ConcurrentHashMap<>();

        static String key(ServerSnapshot snapshot) {
            return snapshot.serverName().isEmpty() ? snapshot.source() : snapshot.serverName();
        }

        ProfileAnalysisStore stores(String key) {
            return ProfileAnalysisStore.forSession(suppressions.getOrDefault(key, Suppressions.none()),
                    Optional.ofNullable(baselines.get(key)), new ProfileAnalysisStore.Backend() {
                        @Override
                        public void suppressions(Suppressions value) {
                            suppressions.put(key, value);
                        }

                        @Override
                        public void pin(Baseline value) {
                            baselines.put(key, value);
                        }

                        @Override
                        public String where() {
                            return ProfileAnalysisStore.SESSION_ONLY;
                        }
                    });
        }
    }
}
