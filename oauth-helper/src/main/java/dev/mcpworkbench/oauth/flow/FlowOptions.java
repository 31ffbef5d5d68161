package dev.mcpworkbench.oauth.flow;

import java.time.Duration;

/**
 * What the user chose for the flow. {@code clientId}/{@code clientSecret}: a pre-registered client.
 * {@code clientMetadataUrl}: the client's metadata document URL (used as client_id where the AS
 * supports CIMD). {@code scope}: replaces the automatic scope choice. {@code callbackPort} 0 = random.
 * {@code serveClientMetadata}: with an authorization server on this machine that supports CIMD, serve a
 * generated metadata document on loopback and use it as the client_id (see
 * {@link dev.mcpworkbench.oauth.registration.LoopbackClientMetadata}); other servers are unaffected.
 * {@code clientCredentials}: get tokens with the client credentials grant (a machine client, no person,
 * no browser) instead of the authorization code flow; needs a pre-registered client with a secret.
 * {@code tokenAuthMethod}: how the client authenticates at the token endpoint ({@code none},
 * {@code client_secret_basic}, {@code client_secret_post}); null chooses from what the server allows.
 * {@code callbackHost} / {@code callbackPath}: the loopback redirect's host ({@code 127.0.0.1} or
 * {@code localhost}) and path, for clients registered with a fixed redirect URI.
 * {@code assertions}: JWT client authentication and the JWT bearer grants ({@link AssertionOptions}).
 * {@code dpop}: ask for DPoP-bound tokens (RFC 9449) even when the MCP server does not demand them; a
 * server that demands them (a {@code DPoP} challenge without a Bearer one, or protected resource
 * metadata with {@code dpop_bound_access_tokens_required}) gets them either way.
 */
public record FlowOptions(String clientId, String clientSecret, String clientMetadataUrl, String scope, int callbackPort,
                          Duration callbackTimeout, AuthorizationAgent agent, String clientName, int maxStepUps,
                          boolean serveClientMetadata, boolean clientCredentials, String tokenAuthMethod,
                          String callbackHost, String callbackPath, AssertionOptions assertions, boolean dpop) {

    /** The callback host and path unless chosen. */
    public static final String DEFAULT_CALLBACK_HOST = "127.0.0.1";
    public static final String DEFAULT_CALLBACK_PATH = "/callback";

    /** With the automatic token endpoint authentication and the default callback host and path. */
    public FlowOptions(String clientId, String clientSecret, String clientMetadataUrl, String scope, int callbackPort,
                       Duration callbackTimeout, AuthorizationAgent agent, String clientName, int maxStepUps,
                       boolean serveClientMetadata, boolean clientCredentials) {
        this(clientId, clientSecret, clientMetadataUrl, scope, callbackPort, callbackTimeout, agent, clientName, maxStepUps,
                serveClientMetadata, clientCredentials, null, null, null, AssertionOptions.NONE, false);
    }

    /** With the authorization code flow. */
    public FlowOptions(String clientId, String clientSecret, String clientMetadataUrl, String scope, int callbackPort,
                       Duration callbackTimeout, AuthorizationAgent agent, String clientName, int maxStepUps,
                       boolean serveClientMetadata) {
        this(clientId, clientSecret, clientMetadataUrl, scope, callbackPort, callbackTimeout, agent, clientName, maxStepUps,
                serveClientMetadata, false);
    }

    /** Without serving a client metadata document on loopback. */
    public FlowOptions(String clientId, String clientSecret, String clientMetadataUrl, String scope, int callbackPort,
                       Duration callbackTimeout, AuthorizationAgent agent, String clientName, int maxStepUps) {
        this(clientId, clientSecret, clientMetadataUrl, scope, callbackPort, callbackTimeout, agent, clientName, maxStepUps, false);
    }

    public FlowOptions {
        assertions = assertions == null ? AssertionOptions.NONE : assertions;
        callbackTimeout = callbackTimeout == null ? Duration.ofMinutes(5) : callbackTimeout;
        clientName = clientName == null ? "MCP Workbench" : clientName;
        if (callbackPort < 0 || callbackPort > 65535) {
            throw new IllegalArgumentException("callback port out of range: " + callbackPort);
        }
        if (agent == null) {
            throw new IllegalArgumentException("an authorization agent is required");
        }
        tokenAuthMethod = tokenAuthMethod == null || tokenAuthMethod.isBlank() ? null : tokenAuthMethod.trim();
        if (tokenAuthMethod != null && !dev.mcpworkbench.oauth.registration.TokenEndpointAuth.KNOWN.contains(tokenAuthMethod)) {
            throw new IllegalArgumentException("token endpoint authentication method must be one of "
                    + dev.mcpworkbench.oauth.registration.TokenEndpointAuth.KNOWN + ", not " + tokenAuthMethod);
        }
        callbackHost = callbackHost == null || callbackHost.isBlank() ? DEFAULT_CALLBACK_HOST : callbackHost.trim();
        if (!callbackHost.equals("127.0.0.1") && !callbackHost.equals("localhost")) {
            throw new IllegalArgumentException("the callback host must be 127.0.0.1 or localhost, not " + callbackHost);
        }
        callbackPath = callbackPath == null || callbackPath.isBlank() ? DEFAULT_CALLBACK_PATH : callbackPath.trim();
        if (!callbackPath.matches("/[A-Za-z0-9._~/-]*") || callbackPath.contains("/.") || callbackPath.contains("//")) {
            throw new IllegalArgumentException("the callback path must be a plain absolute path such as /callback, not " + callbackPath);
        }
    }

    public static FlowOptions headless() {
        return new FlowOptions(null, null, null, null, 0, Duration.ofSeconds(30), new HeadlessAgent(), null, 2);
    }

    public FlowOptions withClient(String id, String secret) {
        return edit(b -> {
            b.clientId = id;
            b.clientSecret = secret;
        });
    }

    public FlowOptions withClientMetadataUrl(String url) {
        return edit(b -> b.clientMetadataUrl = url);
    }

    public FlowOptions withScope(String s) {
        return edit(b -> b.scope = s);
    }

    /**
     * Serve this client's metadata document on 127.0.0.1 and use its URL as client_id where the
     * authorization server supports CIMD: for authorization servers on this machine only.
     */
    public FlowOptions withServedClientMetadata(boolean serve) {
        return edit(b -> b.serveClientMetadata = serve);
    }

    /** The client credentials grant instead of the authorization code flow. */
    public FlowOptions withClientCredentials(boolean use) {
        return edit(b -> b.clientCredentials = use);
    }

    /** How the client authenticates at the token endpoint; null: chosen from what the server allows. */
    public FlowOptions withTokenAuthMethod(String method) {
        return edit(b -> b.tokenAuthMethod = method);
    }

    /** The loopback redirect's host and path (null: 127.0.0.1 and /callback). */
    public FlowOptions withCallback(String host, String path) {
        return edit(b -> {
            b.callbackHost = host;
            b.callbackPath = path;
        });
    }

    /** JWT client authentication and the JWT bearer grants. */
    public FlowOptions withAssertions(AssertionOptions chosen) {
        return edit(b -> b.assertions = chosen);
    }

    /** Ask for DPoP-bound tokens even when the MCP server does not demand them. */
    public FlowOptions withDPoP(boolean use) {
        return edit(b -> b.dpop = use);
    }

    /** A copy with some components changed: the one place the withers name every component. */
    private FlowOptions edit(java.util.function.Consumer<Editable> change) {
        Editable e = new Editable(this);
        change.accept(e);
        return new FlowOptions(e.clientId, e.clientSecret, e.clientMetadataUrl, e.scope, callbackPort, callbackTimeout, agent,
                clientName, maxStepUps, e.serveClientMetadata, e.clientCredentials, e.tokenAuthMethod, e.callbackHost,
                e.callbackPath, e.assertions, e.dpop);
    }

    /** The components the withers change, as fields (a record's are final). */
    private static final class Editable {
        String clientId;
        String clientSecret;
        String clientMetadataUrl;
        String scope;
        boolean serveClientMetadata;
        boolean clientCredentials;
        String tokenAuthMethod;
        String callbackHost;
        String callbackPath;
        AssertionOptions assertions;
        boolean dpop;

        Editable(FlowOptions o) {
            clientId = o.clientId;
            clientSecret = o.clientSecret;
            clientMetadataUrl = o.clientMetadataUrl;
            scope = o.scope;
            serveClientMetadata = o.serveClientMetadata;
            clientCredentials = o.clientCredentials;
            tokenAuthMethod = o.tokenAuthMethod;
            callbackHost = o.callbackHost;
            callbackPath = o.callbackPath;
            assertions = o.assertions;
            dpop = o.dpop;
        }
    }
}
