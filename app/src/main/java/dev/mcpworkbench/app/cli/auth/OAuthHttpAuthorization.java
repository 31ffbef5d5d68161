package dev.mcpworkbench.app.cli.auth;

import dev.mcpworkbench.inspector.connect.HttpAuthorization;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plugs the oauth-helper's session into the inspector's connection layer: the bearer token on every
 * request, and 401/403 answered by the flow (authorize, refresh, step-up).
 */
public final class OAuthHttpAuthorization implements HttpAuthorization {

    private final OAuthSession session;

    public OAuthHttpAuthorization(OAuthSession session) {
        this.session = session;
    }

    @Override
    public Optional<String> authorizationHeader() {
        return session.accessToken().map(token -> "Bearer " + token);
    }

    @Override
    public boolean onUnauthorized(int status, Map<String, List<String>> responseHeaders) {
        List<String> challenge = responseHeaders.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("WWW-Authenticate"))
                .flatMap(e -> e.getValue().stream()).toList();
        return session.onAuthorizationError(status, challenge);
    }
}
