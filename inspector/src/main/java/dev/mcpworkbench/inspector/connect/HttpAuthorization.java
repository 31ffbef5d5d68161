package dev.mcpworkbench.inspector.connect;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hook through which an authorization engine (the app wires in the oauth-helper's) takes part
 * in HTTP connections. Called on connection threads; may block (e.g. while a token is refreshed).
 */
public interface HttpAuthorization {

    /** The Authorization header value to send with the next request (e.g. "Bearer ..."), if any. */
    Optional<String> authorizationHeader();

    /**
     * The server answered 401 or 403. Return true to retry the request once more (after obtaining
     * a new token); false to fail the request with an {@link McpConnectionException.Kind#UNAUTHORIZED} error.
     */
    boolean onUnauthorized(int status, Map<String, List<String>> responseHeaders);

    /** The connection closed: release what the engine holds for it (a loopback listener or document server). */
    default void release() {
    }

    HttpAuthorization NONE = new HttpAuthorization() {
        @Override
        public Optional<String> authorizationHeader() {
            return Optional.empty();
        }

        @Override
        public boolean onUnauthorized(int status, Map<String, List<String>> responseHeaders) {
            return false;
        }
    };
}
