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
 */
public record FlowOptions(String clientId, String clientSecret, String clientMetadataUrl, String scope, int callbackPort,
                          Duration callbackTimeout, AuthorizationAgent agent, String clientName, int maxStepUps,
                          boolean serveClientMetadata, boolean clientCredentials) {

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
        callbackTimeout = callbackTimeout == null ? Duration.ofMinutes(5) : callbackTimeout;
        clientName = clientName == null ? "MCP Workbench" : clientName;
        if (callbackPort < 0 || callbackPort > 65535) {
            throw new IllegalArgumentException("callback port out of range: " + callbackPort);
        }
        if (agent == null) {
            throw new IllegalArgumentException("an authorization agent is required");
        }
    }

    public static FlowOptions headless() {
        return new FlowOptions(null, null, null, null, 0, Duration.ofSeconds(30), new HeadlessAgent(), null, 2);
    }

    public FlowOptions withClient(String id, String secret) {
        return new FlowOptions(id, secret, clientMetadataUrl, scope, callbackPort, callbackTimeout, agent, clientName, maxStepUps,
                serveClientMetadata, clientCredentials);
    }

    public FlowOptions withClientMetadataUrl(String url) {
        return new FlowOptions(clientId, clientSecret, url, scope, callbackPort, callbackTimeout, agent, clientName, maxStepUps,
                serveClientMetadata, clientCredentials);
    }

    public FlowOptions withScope(String s) {
        return new FlowOptions(clientId, clientSecret, clientMetadataUrl, s, callbackPort, callbackTimeout, agent, clientName, maxStepUps,
                serveClientMetadata, clientCredentials);
    }

    /**
     * Serve this client's metadata document on 127.0.0.1 and use its URL as client_id where the
     * authorization server supports CIMD: for authorization servers on this machine only.
     */
    public FlowOptions withServedClientMetadata(boolean serve) {
        return new FlowOptions(clientId, clientSecret, clientMetadataUrl, scope, callbackPort, callbackTimeout, agent, clientName, maxStepUps,
                serve, clientCredentials);
    }

    /** The client credentials grant instead of the authorization code flow. */
    public FlowOptions withClientCredentials(boolean use) {
        return new FlowOptions(clientId, clientSecret, clientMetadataUrl, scope, callbackPort, callbackTimeout, agent, clientName, maxStepUps,
                serveClientMetadata, use);
    }
}
