package dev.mcpworkbench.oauth.flow;

import java.time.Duration;

/**
 * What the user chose for the flow. {@code clientId}/{@code clientSecret}: a pre-registered client.
 * {@code clientMetadataUrl}: the client's metadata document URL (used as client_id where the AS
 * supports CIMD). {@code scope}: replaces the automatic scope choice. {@code callbackPort} 0 = random.
 * {@code serveClientMetadata}: with an authorization server on this machine that supports CIMD, serve a
 * generated metadata document on loopback and use it as the client_id (see
 * {@link dev.mcpworkbench.oauth.registration.LoopbackClientMetadata}); other servers are unaffected.
 */
public record FlowOptions(String clientId, String clientSecret, String clientMetadataUrl, String scope, int callbackPort,
                          Duration callbackTimeout, AuthorizationAgent agent, String clientName, int maxStepUps,
                          boolean serveClientMetadata) {

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
                serveClientMetadata);
    }

    public FlowOptions withClientMetadataUrl(String url) {
        return new FlowOptions(clientId, clientSecret, url, scope, callbackPort, callbackTimeout, agent, clientName, maxStepUps,
                serveClientMetadata);
    }

    public FlowOptions withScope(String s) {
        return new FlowOptions(clientId, clientSecret, clientMetadataUrl, s, callbackPort, callbackTimeout, agent, clientName, maxStepUps,
                serveClientMetadata);
    }

    /**
     * Serve this client's metadata document on 127.0.0.1 and use its URL as client_id where the
     * authorization server supports CIMD: for authorization servers on this machine only.
     */
    public FlowOptions withServedClientMetadata(boolean serve) {
        return new FlowOptions(clientId, clientSecret, clientMetadataUrl, scope, callbackPort, callbackTimeout, agent, clientName, maxStepUps,
                serve);
    }
}
