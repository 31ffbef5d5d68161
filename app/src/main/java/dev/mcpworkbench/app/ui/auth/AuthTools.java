package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.app.auth.ProbeRun;
import dev.mcpworkbench.oauth.flow.AuthorizationAgent;
import dev.mcpworkbench.oauth.flow.AuthorizationResult;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import dev.mcpworkbench.oauth.probe.ActiveProbe;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Authorization tab's two tool windows: the active probes, which work with the OAuth session
 * of the connection on screen, and the CIMD workshop. Each window is made once and shown again;
 * {@link #close()} stops a probe run and the workshop's https host.
 */
final class AuthTools {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** How long a probe waits for a browser to come back to the loopback callback. */
    private static final Duration PROBE_CALLBACK_TIMEOUT = Duration.ofMinutes(2);

    private final AuthorizationAgent agent;
    private final Supplier<FlowTrace> trace;
    private final Consumer<String> useAsClientId;
    private final ProbesViewModel probes = new ProbesViewModel(this::launchProbes, Platform::runLater);
    private volatile OAuthSession connectionSession;
    private volatile URI connectionServer;
    private Stage probesWindow;
    private Stage cimdWindow;
    private CimdWorkshop cimd;

    /**
     * @param agent         gets the probes' authorization requests through the browser (or a pasted redirect)
     * @param trace         the trace the tab shows, where probe steps are recorded
     * @param useAsClientId takes the workshop's document URL as the next connection's client ID
     */
    AuthTools(AuthorizationAgent agent, Supplier<FlowTrace> trace, Consumer<String> useAsClientId) {
        this.agent = agent;
        this.trace = trace;
        this.useAsClientId = useAsClientId;
    }

    /** A connection to {@code server} opens with {@code session}: the probes work with it from now on. */
    void connectionOpening(URI server, OAuthSession session) {
        connectionServer = server;
        connectionSession = session;
    }

    void openProbes(Window owner) {
        if (probesWindow == null) probesWindow = window(owner, "Active probes", new ProbesPanel(probes), 760, 720);
        probesWindow.show();
        probesWindow.toFront();
    }

    void openCimdWorkshop(Window owner) {
        if (cimdWindow == null) {
            cimd = new CimdWorkshop(task -> Thread.ofVirtual().name("cimd-workshop").start(task), Platform::runLater);
            cimdWindow = window(owner, "Client ID metadata document workshop", new CimdWorkshopView(cimd, useAsClientId), 1100, 760);
            // closing the window stops serving: nothing listens on loopback without a window saying so
            cimdWindow.setOnHidden(e -> cimd.stop());
        }
        cimdWindow.show();
        cimdWindow.toFront();
    }

    private static Stage window(Window owner, String title, Parent content, double width, double height) {
        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        stage.setTitle(title);
        stage.setScene(new Scene(content, width, height));
        if (owner != null && owner.getScene() != null) stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        return stage;
    }

    /** Starts probes against the authorization of the connection on screen, recorded in the trace the tab shows. */
    private ProbeRun launchProbes(List<ActiveProbe> chosen, ProbeRun.Progress progress) {
        OAuthSession session = connectionSession;
        Optional<AuthorizationResult> result = session == null ? Optional.empty() : session.current();
        if (result.isEmpty()) {
            throw new IllegalStateException("Nothing to probe: connect to a server that asked for authorization, and let the flow finish.");
        }
        return ProbeRun.start(chosen, connectionServer, result.get(), agent, PROBE_CALLBACK_TIMEOUT, REQUEST_TIMEOUT, trace.get(),
                progress);
    }

    ProbesViewModel probes() {
        return probes;
    }

    CimdWorkshop cimdWorkshop() {
        return cimd;
    }

    void close() {
        probes.cancel();
        if (cimd != null) cimd.close();
    }
}
