package dev.mcpworkbench.app.auth;

import dev.mcpworkbench.inspector.connect.HttpAuthorization;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Core's HTTP authorization hook backed by the oauth-helper's session: the token it holds goes on
 * every request with its own scheme (Bearer, or DPoP with a fresh proof); a 401/403 runs (or refreshes, or steps up) the authorization flow, whose
 * steps the authorization panel shows, and the request is retried when a token came out of it.
 */
public final class OAuthHttpAuthorization implements HttpAuthorization {

    private final OAuthSession session;

    public OAuthHttpAuthorization(OAuthSession session) {
        this.session = session;
    }

    /**
     * The hook for a connection about to open, the same whatever door it came through: the session
     * first probes the server without a token (the exchange the trace's first step shows) and runs
     * the flow when it asks for authorization. On failure the session is released and the flow's
     * reason thrown.
     */
    public static OAuthHttpAuthorization probed(OAuthSession session) throws FlowException {
        try {
            session.probeAndAuthorize();
            return new OAuthHttpAuthorization(session);
        } catch (FlowException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public Map<String, String> requestHeaders(String method, URI uri) {
        return session.requestHeaders(method, uri);
    }

    @Override
    public boolean onUnauthorized(int status, Map<String, List<String>> responseHeaders) {
        List<String> challenges = responseHeaders.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("WWW-Authenticate"))
                .flatMap(e -> e.getValue().stream())
                .toList();
        Optional<String> dpopNonce = responseHeaders.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("DPoP-Nonce"))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
        return session.onAuthorizationError(status, challenges, dpopNonce);
    }

    /** Why the last authorization failed, for the connection error; null when it did not. */
    @Override
    public void release() {
        session.close();
    }

    public String lastFailure() {
        return session.lastFailure();
    }
}
