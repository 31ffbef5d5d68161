package dev.mcpworkbench.oauth.flow;

import java.net.URI;

/**
 * Gets the user (or an unattended authorization server) through the authorization URL. The result
 * arrives at the loopback {@link CallbackListener}; an agent may also return the redirect it saw.
 */
public interface AuthorizationAgent {

    /**
     * Starts the authorization. Returns the callback URI when the agent saw it directly (headless),
     * or null when the listener will receive it (browser).
     */
    URI authorize(URI authorizationUrl, URI redirectUri, AgentContext context) throws FlowException;

    /** What an agent may use: the recording HTTP client and the step it records into. */
    interface AgentContext {
        dev.mcpworkbench.oauth.http.HttpExchange get(URI url);

        void note(String text);

        /**
         * Completes with the callback when the loopback listener receives it: an agent that also takes
         * the redirect from elsewhere (a URL the user pastes) waits for whichever comes first.
         */
        default java.util.concurrent.CompletableFuture<URI> loopbackCallback() {
            return new java.util.concurrent.CompletableFuture<>();
        }
    }
}
