package dev.mcpworkbench.inspector.connect;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The hook through which an authorization engine (the app wires in the oauth-helper's) takes part
 * in HTTP connections. Called on connection threads; may block (e.g. while a token is refreshed).
 */
public interface HttpAuthorization {

    /**
     * The headers that authorize the request about to be sent ({@code method} to {@code uri}): none,
     * {@code Authorization: Bearer ...}, or {@code Authorization: DPoP ...} with a {@code DPoP} proof
     * made for this very request. Asked again for every request and every retry.
     */
    Map<String, String> requestHeaders(String method, URI uri);

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
        public Map<String, String> requestHeaders(String method, URI uri) {
            return Map.of();
        }

        @Override
        public boolean onUnauthorized(int status, Map<String, List<String>> responseHeaders) {
            return false;
        }
    };
}
