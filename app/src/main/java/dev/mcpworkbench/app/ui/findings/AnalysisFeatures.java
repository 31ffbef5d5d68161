package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.app.ui.MainWindow;
import dev.mcpworkbench.app.ui.auth.AuthStepsPanel;
import dev.mcpworkbench.app.ui.auth.AuthStepsViewModel;
import dev.mcpworkbench.app.ui.auth.AuthWindow;
import dev.mcpworkbench.app.ui.auth.AuthorizingConnection;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.connect.ProfileStore;
import dev.mcpworkbench.app.ui.drift.DriftView;
import dev.mcpworkbench.app.ui.drift.DriftViewModel;
import dev.mcpworkbench.app.ui.drift.PinnedDriftBaseline;
import dev.mcpworkbench.app.ui.lab.InProcessLab;
import dev.mcpworkbench.app.ui.lab.LabMenu;
import dev.mcpworkbench.app.ui.lab.LabViewModel;
import dev.mcpworkbench.app.ui.lab.LabWelcomePane;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.Scanner;
import dev.mcpworkbench.inspector.rules.drift.Baseline;
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
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import org.kordamp.ikonli.feather.Feather;

/**
 * Plugs the analysis screens into the main window: Findings, Drift and Authorization tabs, the
 * findings summary on the overview, badges in the tool list, the lab's first screen and menu, and
 * connecting to a Streamable HTTP server with authorization.
 *
 * <p>Suppressions and pins are saved with the connection profile the server was connected from
 * ({@link ProfileAnalysisStores}); connections made without one keep them for the session
 * ({@link SessionProfiles}).
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
    private ProfileStore profileStore;
    /** The saved profile behind the connection on screen, or null. */
    private Supplier<String> savedProfile;
    private AuthorizingConnection connection;
    /** True while a connection made here (lab, URL) is open, as opposed to one of a saved profile. */
    private final ReadOnlyBooleanWrapper directlyConnected = new ReadOnlyBooleanWrapper();
    private Runnable beforeDirectConnection = () -> { };
    private AuthorizationAgent authorizationAgent;
    private AuthWindow authWindow;
    private FxTasks.Handle scanning;

    private AnalysisFeatures(MainWindow window) {
        this.window = window;
    }

    public static AnalysisFeatures install(MainWindow window, java.util.function.Consumer<String> openLink) {
        AnalysisFeatures features = new AnalysisFeatures(window);
        features.wire(openLink);
        return features;
    }

    private void wire(java.util.function.Consumer<String> openLink) {
        window.addWorkspaceTab("Findings", Feather.ALERT_TRIANGLE, new FindingsView(findings, openLink));
        window.addWorkspaceTab("Drift", Feather.GIT_COMMIT, new DriftView(drift));
        window.addWorkspaceTab("Authorization", Feather.KEY, new AuthStepsPanel(auth));
        window.workspace().overview().addSection(ServerSummaryPane.following(findings));
        findings.useReportRenderer(new EngineReportRenderer(ScanContext::defaults));
        findings.visibleItems().addListener((javafx.beans.Observable o) -> {
            Map<String, ToolBadges.Tally> tallies = findings.toolTallies();
            window.workspace().tools().list().setBadges(name -> ToolBadges.badge(tallies, name));
        });
        window.workspace().snapshotProperty().addListener((o, old, snapshot) -> {
            if (snapshot != null) analyse(snapshot);
        });
        labModel.setConnector((kind, url) -> connect(url));
        window.setWelcome(new LabWelcomePane(labModel));
        window.addMenu(new LabMenu(labModel));
        MenuItem connectUrl = new MenuItem("Connect to _HTTP URL…", new org.kordamp.ikonli.javafx.FontIcon(Feather.LINK));
        connectUrl.setId("connectHttpUrl");
        connectUrl.setOnAction(e -> askUrl());
        window.serverMenu().getItems().add(connectUrl);
    }

    /** Scans a snapshot off the FX thread, then shows findings and the drift against its pin. */
    private void analyse(ServerSnapshot snapshot) {
        String profile = savedProfile == null ? null : savedProfile.get();
        if (profile != null) {
            ProfileAnalysisStores stores = new ProfileAnalysisStores(profileStore, profile);
            findings.useSuppressionStore(stores.suppressions(window.status()::setMessage));
            drift.show(new PinnedDriftBaseline(stores.pins()), snapshot);
        } else {
            String key = SessionProfiles.key(snapshot);
            findings.useSuppressionStore(profiles.suppressions(key));
            drift.show(new PinnedDriftBaseline(profiles.baseline(key)), snapshot);
        }
        if (scanning != null) scanning.cancel();
        scanning = FxTasks.shared().run("Scanning", Duration.ofSeconds(120),
                () -> Scanner.scan(snapshot, ScanContext.defaults()),
                result -> findings.show(snapshot, result),
                e -> window.status().setMessage("Scan failed: " + FxTasks.message(e)));
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
                connect(url);
            } catch (IllegalArgumentException bad) {
                window.status().setMessage("Not a usable URL: " + bad.getMessage());
            }
        });
    }

    /**
     * Keeps suppressions and pins with the saved profile a connection was made from;
     * {@code savedProfile} names it, or gives null for a connection made without one.
     */
    public void useProfiles(ProfileStore store, Supplier<String> savedProfile) {
        this.profileStore = store;
        this.savedProfile = savedProfile;
    }

    /** Connects to {@code url}; a 401 starts the authorization flow, shown step by step. */
    public void connect(URI url) {
        FlowTrace trace = new FlowTrace();
        auth.follow(trace);
        if (authWindow == null) authWindow = new AuthWindow(auth, window.getScene() == null ? null : window.getScene().getWindow());
        trace.addListener(authWindow.opener());
        FlowOptions options = browserOptions();
        window.status().setMessage("Connecting to " + url + "…");
        FxTasks.shared().run("Connecting to " + url, CONNECT_TIMEOUT,
                () -> AuthorizingConnection.open(url, options, trace, REQUEST_TIMEOUT),
                this::connected,
                e -> {
                    window.status().setConnection("Not connected", Feather.LINK_2, "state-error");
                    window.status().setMessage("Cannot connect to " + url + ": " + FxTasks.message(e));
                    if (trace.steps().size() > 1) authWindow.show();
                });
    }

    private void connected(AuthorizingConnection opened) {
        beforeDirectConnection.run();
        AuthorizingConnection previous = connection;
        connection = opened;
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
        return new dev.mcpworkbench.app.ui.auth.OAuthHttpAuthorization(new dev.mcpworkbench.oauth.flow.OAuthSession(url,
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
        AuthorizingConnection open = connection;
        connection = null;
        if (open != null) open.close();
        lab.close();
        io.shutdown();
    }

    /** Suppressions and pins per server for this session, keyed by server name, for connections without a profile. */
    static final class SessionProfiles {
        private final Map<String, Suppressions> suppressions = new ConcurrentHashMap<>();
        private final Map<String, Baseline> baselines = new ConcurrentHashMap<>();

        static String key(ServerSnapshot snapshot) {
            return snapshot.serverName().isEmpty() ? snapshot.source() : snapshot.serverName();
        }

        SuppressionStore suppressions(String key) {
            return new SuppressionStore() {
                @Override
                public Suppressions load() {
                    return suppressions.getOrDefault(key, Suppressions.none());
                }

                @Override
                public void save(Suppressions value) {
                    suppressions.put(key, value);
                }
            };
        }

        dev.mcpworkbench.app.ui.drift.BaselineStore baseline(String key) {
            return new dev.mcpworkbench.app.ui.drift.BaselineStore() {
                @Override
                public Optional<Baseline> load() {
                    return Optional.ofNullable(baselines.get(key));
                }

                @Override
                public void save(Baseline value) {
                    baselines.put(key, value);
                }
            };
        }
    }
}
