package dev.mcpworkbench.oauth.flow;

import dev.mcpworkbench.oauth.metadata.ProtectedResourceMetadata;
import dev.mcpworkbench.oauth.registration.ClientRegistration;
import dev.mcpworkbench.oauth.token.TokenSet;
import java.net.URI;
import java.util.Set;

/** What a completed flow produced: where it got its tokens, for which resource and scopes. */
public record AuthorizationResult(ProtectedResourceMetadata resourceMetadata, AuthorizationServer authorizationServer,
                                  ClientRegistration client, URI resource, Set<String> requestedScopes, TokenSet tokens) {

    public AuthorizationResult {
        requestedScopes = Set.copyOf(requestedScopes);
    }

    public AuthorizationResult withTokens(TokenSet newTokens) {
        return new AuthorizationResult(resourceMetadata, authorizationServer, client, resource, requestedScopes, newTokens);
    }
}
