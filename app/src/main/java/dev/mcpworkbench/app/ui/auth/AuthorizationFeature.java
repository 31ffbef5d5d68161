package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.app.auth.OAuthHttpAuthorization;
import dev.mcpworkbench.app.ui.MainWindow;
import dev.mcpworkbench.inspector.connect.HttpAuthorization;
import dev.mcpworkbench.oauth.flow.AuthorizationAgent;
import dev.mcpworkbench.oauth.flow.BrowserAgent;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.net.URI;
import java.time.Duration;
import javafx.application.Platform;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Authorization tab and the authorization hook every HTTP connection gets, whatever door it
 * came through: a fresh OAuth session per connection, whose steps the tab (and, while the browser
 * is open, its own window) follow.
 */
public final class AuthorizationFeature {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final MainWindow window;
    private final AuthStepsViewModel steps = new AuthStepsViewModel(Platform::runLater);
    private volatile AuthorizationAgent agent;
    private volatile AuthWindow authWindow;

    public AuthorizationFeature(MainWindow window) {
        this.window = window;
        window.addWorkspaceTab("Authorization", Feather.KEY, new AuthStepsPanel(steps));
    }

    /** Another server came on screen: the tab no longer shows the previous one's flow. */
    public void clear() {
        steps.follow(new FlowTrace());
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
        return OAuthHttpAuthorization.probed(new OAuthSession(url, options(), new RecordingHttpClient(REQUEST_TIMEOUT, 1 << 20),
                trace, new RegistrationStore()));
    }

    private AuthWindow authWindow() {
        AuthWindow w = authWindow;
        if (w == null) {
            w = new AuthWindow(steps, window.getScene() == null ? null : window.getScene().getWindow());
            authWindow = w;
        }
        return w;
    }

    private FlowOptions options() {
        AuthorizationAgent chosen = agent != null ? agent
                : new BrowserAgent(message -> Platform.runLater(() -> window.status().setMessage(message)));
        // A local authorization server that supports CIMD gets a document served on loopback: it needs
        // no registration endpoint, no initial access token and no pre-registered client.
        return new FlowOptions(null, null, null, null, 0, Duration.ofMinutes(5), chosen, null, 2)
                .withServedClientMetadata(true);
    }

    /**
     * Who takes the user through authorization pages: the system browser unless replaced (an
     * embedded or scripted browser; the end-to-end tests drive the consent page over HTTP).
     */
    public void useAuthorizationAgent(AuthorizationAgent replacement) {
        this.agent = replacement;
    }

    public AuthStepsViewModel steps() {
        return steps;
    }
}
