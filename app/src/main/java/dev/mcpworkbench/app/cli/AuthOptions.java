package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.app.auth.ClientIdentity;
import dev.mcpworkbench.app.auth.OAuthHttpAuthorization;
import dev.mcpworkbench.oauth.flow.AuthorizationAgent;
import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.oauth.flow.BrowserAgent;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import dev.mcpworkbench.oauth.flow.HeadlessAgent;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The OAuth client options {@code connect}, {@code scan} and {@code snapshot} share (a picocli mixin):
 * how to get through the authorization page and which client to be. Builds the flow's options, the
 * session and the connection's authorization hook; each command keeps its own {@code --timeout}.
 */
public final class AuthOptions {

    @Option(names = "--auth", paramLabel = "browser|headless",
            description = "Authorize with OAuth when the server asks: through the system browser, or headless for "
                    + "authorization servers that approve without a person. connect: browser unless said otherwise; "
                    + "scan and snapshot: only with this option (otherwise a 401 is an error).")
    String auth;

    @Option(names = "--client-id", description = "A pre-registered client id.")
    String clientId;

    @Option(names = "--client-secret", description = "The pre-registered client's secret.")
    String clientSecret;

    @Option(names = "--client-metadata-url", description = "Client ID metadata document URL, used as client_id where the "
            + "authorization server supports it.")
    String clientMetadataUrl;

    @Option(names = "--serve-client-metadata", description = "Serve a generated client ID metadata document on 127.0.0.1 "
            + "and use its URL as client_id where the authorization server supports CIMD (for authorization servers on this machine).")
    boolean serveClientMetadata;

    @Option(names = "--scope", description = "Scopes to ask for (space separated), instead of the automatic choice.")
    String scope;

    @Option(names = "--callback-port", defaultValue = "0", description = "Loopback port for the redirect (0 = random).")
    int callbackPort;

    @Option(names = "--callback-host", paramLabel = "127.0.0.1|localhost",
            description = "Host name in the redirect URI (default 127.0.0.1); the listener binds loopback addresses only.")
    String callbackHost;

    @Option(names = "--callback-path", paramLabel = "PATH", description = "Path of the redirect URI (default /callback).")
    String callbackPath;

    @Option(names = "--token-auth-method", paramLabel = "none|client_secret_basic|client_secret_post|private_key_jwt",
            description = "How the client authenticates at the token endpoint (and what dynamic registration asks for). "
                    + "Default: private_key_jwt with a client key, else chosen from what the authorization server lists (basic before post for a client with a secret).")
    String tokenAuthMethod;

    @Option(names = "--dpop", description = "Ask for DPoP-bound tokens (RFC 9449, an EC P-256 key per session) even when "
            + "the server does not demand them; a server that demands them (a DPoP challenge) gets them without this option.")
    boolean dpop;

    /** True when --auth was given. */
    boolean requested() {
        return auth != null;
    }

    /** True when any client option was given (they mean nothing without --auth in scan and snapshot). */
    boolean clientOptionsGiven() {
        return clientId != null || clientSecret != null || clientMetadataUrl != null || serveClientMetadata || scope != null
                || callbackPort != 0 || callbackHost != null || callbackPath != null || tokenAuthMethod != null || dpop;
    }

    private boolean headless() {
        return "headless".equalsIgnoreCase(auth);
    }

    /** Checks --auth before anything connects. */
    void validate() {
        if (auth != null && !headless() && !"browser".equalsIgnoreCase(auth)) {
            throw new IllegalArgumentException("--auth takes browser or headless, not '" + auth + "'");
        }
        identity(new HeadlessAgent(), Duration.ofSeconds(30));
    }

    /** The client options as the option model the desktop's Client… dialog shares. */
    ClientIdentity identity() {
        return new ClientIdentity(clientId, clientSecret, clientMetadataUrl, serveClientMetadata, scope, callbackHost, callbackPort,
                callbackPath, tokenAuthMethod, null);
    }

    /** The flow's options for the client options; refuses values the flow cannot use, naming the option. */
    private FlowOptions identity(AuthorizationAgent agent, Duration callbackTimeout) {
        try {
            return identity().flowOptions(agent, callbackTimeout);
        } catch (IllegalArgumentException e) {
            String option = tokenAuthMethod != null && e.getMessage().startsWith("token") ? "--token-auth-method"
                    : e.getMessage().startsWith("callback port") ? "--callback-port"
                    : e.getMessage().contains("host") ? "--callback-host" : "--callback-path";
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    /** The flow's options; a browser flow waits up to five minutes for the person, a headless one {@code timeout}. */
    FlowOptions flowOptions(PrintWriter err, Duration timeout) {
        AuthorizationAgent agent = headless() ? new HeadlessAgent() : new BrowserAgent(line -> {
            err.println(line);
            err.flush();
        });
        Duration callbackTimeout = headless() ? timeout : Duration.ofMinutes(5);
        return identity(agent, callbackTimeout).withDPoP(dpop);
    }

    /** A session for {@code server} whose steps and findings land in {@code trace}; tokens stay in memory. */
    OAuthSession session(URI server, PrintWriter err, Duration timeout, FlowTrace trace) {
        return session(server, err, timeout, trace, false);
    }

    /** The same, getting tokens with the client credentials grant when {@code clientCredentials}. */
    OAuthSession session(URI server, PrintWriter err, Duration timeout, FlowTrace trace, boolean clientCredentials) {
        return session(server, flowOptions(err, timeout).withClientCredentials(clientCredentials), timeout, trace);
    }

    /** The same with options the command built on {@link #flowOptions} (its grant and the JWTs the grant presents). */
    static OAuthSession session(URI server, FlowOptions options, Duration timeout, FlowTrace trace) {
        return new OAuthSession(server, options, new RecordingHttpClient(timeout, 1 << 20), trace, new RegistrationStore());
    }

    /**
     * For scan and snapshot: when --auth was given, probes {@code server} and runs the flow if it
     * asks for authorization, then returns {@code base} with the session's hook (which the
     * connection releases when it closes); without --auth, {@code base} unchanged.
     */
    ConnectOptions authorize(URI server, ConnectOptions base, PrintWriter err, Duration timeout, FlowTrace trace) throws FlowException {
        if (!requested()) return base;
        return base.withAuthorization(OAuthHttpAuthorization.probed(session(server, err, timeout, trace)));
    }

    /** Refuses client options without --auth, and --auth for anything but an HTTP server. */
    void checkApplies(boolean httpTarget) {
        validate();
        if (!requested() && clientOptionsGiven()) {
            // --token-auth-method is not last: the stderr masker hides the word after an option named like a secret
            throw new IllegalArgumentException("--client-id, --client-secret, --client-metadata-url, --serve-client-metadata, "
                    + "--token-auth-method, --dpop, --scope, --callback-port, --callback-host and --callback-path need --auth");
        }
        if (requested() && !httpTarget) throw new IllegalArgumentException("--auth applies to an HTTP server (--url) only");
    }

    /** The hook a connection uses to put the session's token on its requests and to re-authorize on 401/403. */
    static OAuthHttpAuthorization authorization(OAuthSession session) {
        return new OAuthHttpAuthorization(session);
    }
}
