package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.app.auth.OAuthHttpAuthorization;
import dev.mcpworkbench.app.ui.MainWindow;
import dev.mcpworkbench.inspector.connect.HttpAuthorization;
import dev.mcpworkbench.inspector.io.AtomicFiles;
import dev.mcpworkbench.oauth.flow.AuthorizationAgent;
import dev.mcpworkbench.oauth.flow.BrowserAgent;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.FlowHar;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import dev.mcpworkbench.app.auth.ClientIdentity;
import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.profile.ProfileStore;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Authorization tab and the authorization hook every HTTP connection gets, whatever door it
 * came through: a fresh OAuth session per connection, whose steps the tab (and, while the browser
 * is open, its own window) follow. The tab's debugger parts live here too: step-in mode (every
 * request held for review), replay, the pasted redirect URL, the client identity, HAR export.
 */
public final class AuthorizationFeature implements AuthCommands {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final MainWindow window;
    private final AuthStepsViewModel steps = new AuthStepsViewModel(Platform::runLater);
    private final ClientSettings client = new ClientSettings();
    private final StepThrough stepThrough = new StepThrough(this::offer);
    private final BrowserAgent browser;
    private final PasteRedirectAgent agent;
    private volatile AuthWindow authWindow;
    private volatile URI lastServer;
    private volatile ClientProfiles profiles;
    /** The saved connection selected in the sidebar (where the Client… settings are saved), or null. */
    private volatile String selectedProfile;
    /** The saved connection on screen (whose saved settings its connection uses), or null. */
    private volatile String profileOnScreen;
    /** The identity the last connection was opened with (its protocol version applies to that connection). */
    private volatile ClientIdentity connecting = ClientIdentity.automatic();
    private final AuthTools tools;
    private final javafx.scene.control.Tab tab;
    private final AuthStepsPanel panel;

    public AuthorizationFeature(MainWindow window) {
        this.window = window;
        this.browser = new BrowserAgent(message -> Platform.runLater(() -> window.status().setMessage(message)));
        this.agent = new PasteRedirectAgent(browser, steps::awaitingRedirect, Duration.ofMinutes(5));
        steps.useCommands(this);
        steps.stepThroughProperty().addListener((o, a, on) -> stepThrough.setEnabled(on));
        panel = new AuthStepsPanel(steps);
        tab = window.addWorkspaceTab("Authorization", Feather.KEY, panel);
        tools = new AuthTools(agent, steps::trace, this::useAsClientId);
    }

    /** The tab's panel. */
    public AuthStepsPanel panel() {
        return panel;
    }

    /** Brings the Authorization tab to the front. */
    public void showTab() {
        if (tab.getTabPane() != null) tab.getTabPane().getSelectionModel().select(tab);
    }

    /** Another server came on screen: the tab no longer shows the previous one's flow. */
    public void clear() {
        steps.follow(new FlowTrace());
    }

    /** The server on screen now belongs to the saved connection {@code name} (null: to none). FX thread. */
    public void onScreen(String name) {
        profileOnScreen = name;
    }

    /**
     * Keeps the Client… settings with the saved connections of {@code store}: the sidebar's
     * selection shows its saved settings, OK saves into it (see {@link ClientProfiles}).
     */
    public void followProfiles(javafx.beans.value.ObservableValue<String> selectedName, ProfileStore store, Executor io) {
        profiles = new ClientProfiles(store, io, client, message -> Platform.runLater(() -> window.status().setMessage(message)));
        selectedName.addListener((o, a, name) -> {
            selectedProfile = name;
            profiles.selected(name);
        });
        selectedProfile = selectedName.getValue();
        profiles.selected(selectedProfile);
    }

    /** The options of an HTTP connection opening now: the protocol version its client identity chose. */
    public ConnectOptions connectOptions(ConnectOptions base) {
        return connecting.applyTo(base);
    }

    /** The connection is up: a server that never asked for a token needs no authorization. */
    public void connected() {
        steps.connected();
    }

    /**
     * Called off the FX thread while a connection opens: probes the server and authorizes when it
     * asks, as {@code connect} and {@code scan --auth} do, so the tab shows the probe's exchange.
     */
    public HttpAuthorization authorizationFor(URI url) throws FlowException {
        FlowTrace trace = new FlowTrace();
        steps.follow(trace);
        trace.addListener(authWindow().opener());
        lastServer = url;
        stepThrough.freshRun();
        ClientIdentity identity = identityForConnection();
        connecting = identity;
        OAuthSession session = session(url, trace, identity);
        tools.connectionOpening(url, session);
        return identity.statelessLifecycle() ? new OAuthHttpAuthorization(session) : OAuthHttpAuthorization.probed(session);
    }

    /** A request held in step-in mode: on screen in the tab, or in the authorization window when the tab is not shown. */
    private void offer(PendingRequest pending) {
        steps.offer(pending);
        Platform.runLater(() -> {
            if (!showing(panel)) authWindow().show();
        });
    }

    private boolean showing(javafx.scene.Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) return false;
        if (!tab.isSelected()) return false;
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) return false;
        }
        return true;
    }

    /**
     * The settings saved with the connection on screen, read now so that a connection opened before
     * the selection's settings arrived still uses its own; otherwise the dialog's. Off the FX thread.
     */
    private ClientIdentity identityForConnection() throws FlowException {
        String name = profileOnScreen;
        ClientProfiles saved = profiles;
        if (name == null || saved == null) return client.current();
        try {
            Optional<ClientIdentity> identity = saved.saved(name);
            identity.ifPresent(i -> Platform.runLater(() -> client.load(i)));
            return identity.orElse(client.current());
        } catch (IOException | IllegalArgumentException e) {
            throw new FlowException(dev.mcpworkbench.oauth.flow.StepKind.CLIENT_REGISTRATION, "the client settings saved with \u201c" + name + "\u201d cannot be used: " + e.getMessage());
        }
    }

    private OAuthSession session(URI url, FlowTrace trace) throws FlowException {
        return session(url, trace, client.current());
    }

    /** Reads the client key file the Client dialog names, if any: off the FX thread. */
    private OAuthSession session(URI url, FlowTrace trace, ClientIdentity identity) throws FlowException {
        FlowOptions options;
        try {
            options = client.options(identity, agent);
        } catch (IOException | RuntimeException e) {
            throw new FlowException(dev.mcpworkbench.oauth.flow.StepKind.CLIENT_REGISTRATION, "the Client settings cannot be used: "
                    + e.getMessage());
        }
        OAuthSession session = new OAuthSession(url, options, new RecordingHttpClient(REQUEST_TIMEOUT, 1 << 20),
                trace, new RegistrationStore());
        session.interceptWith(stepThrough);
        return session;
    }

    /**
     * A new authorization of the last server, in its own session and trace (the tab follows it): a
     * full run with the same client settings, fresh state, PKCE and registration. With step-in on,
     * the edits made in earlier runs are applied to the requests before {@code from} without asking
     * and offered again from {@code from} on. The open connection keeps its own token.
     */
    @Override
    public void replay(StepItem from) {
        URI server = lastServer;
        if (server == null) return;
        stepThrough.replayFrom(from == null ? null : from.kind());
        FlowTrace trace = new FlowTrace();
        steps.follow(trace);
        Thread.ofVirtual().name("authorization-replay").start(() -> {
            try (OAuthSession session = session(server, trace)) {
                session.probeAndAuthorize();
            } catch (FlowException | RuntimeException e) {
                Platform.runLater(() -> window.status().setMessage("Replay: " + e.getMessage()));
            }
        });
    }

    @Override
    public void exportHar(Path file) throws IOException {
        String version = AuthorizationFeature.class.getPackage().getImplementationVersion();
        AtomicFiles.write(file, FlowHar.render(steps.trace(), version, steps.revealSecretsProperty().get()));
    }

    @Override
    public void pasteRedirect(String url) {
        agent.paste(url);
    }

    @Override
    public void editClient(Window owner) {
        boolean ok = new ClientDialog(client, owner).showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
        String name = selectedProfile;
        if (ok && name != null && profiles != null) profiles.save(name, client.identity());
    }

    @Override
    public String clientSummary() {
        return "Client: " + client.summary();
    }

    @Override
    public void openProbes(Window owner) {
        tools.openProbes(owner);
    }

    @Override
    public void openCimdWorkshop(Window owner) {
        tools.openCimdWorkshop(owner);
    }

    /** The window closes: probes in flight stop, the workshop stops serving. */
    public void close() {
        tools.close();
    }

    /** The CIMD workshop's state, once opened. */
    public CimdWorkshop cimdWorkshop() {
        return tools.cimdWorkshop();
    }

    /** The Probes panel's state. */
    public ProbesViewModel probes() {
        return tools.probes();
    }

    /** The CIMD workshop's URL becomes the client ID of the next connection. FX thread. */
    private void useAsClientId(String url) {
        client.registrationProperty().set(ClientSettings.Registration.CIMD_URL);
        client.metadataUrlProperty().set(url);
        steps.clientSummaryProperty().set(clientSummary());
        window.status().setMessage("The next connection uses " + url + " as its client ID");
    }

    private AuthWindow authWindow() {
        AuthWindow w = authWindow;
        if (w == null) {
            w = new AuthWindow(steps, window.getScene() == null ? null : window.getScene().getWindow());
            authWindow = w;
        }
        return w;
    }

    /** The flow's options: the client identity and grant of the Client dialog, the browser or a pasted redirect. */
    FlowOptions options() throws IOException {
        return client.options(agent);
    }

    /**
     * Who takes the user through authorization pages: the system browser unless replaced (an
     * embedded or scripted browser; the end-to-end tests drive the consent page over HTTP). A
     * pasted redirect URL is accepted either way.
     */
    public void useAuthorizationAgent(AuthorizationAgent replacement) {
        agent.openWith(replacement == null ? browser : replacement);
    }

    public AuthStepsViewModel steps() {
        return steps;
    }

    /** The client identity the next connection uses. */
    public ClientSettings client() {
        return client;
    }
}
