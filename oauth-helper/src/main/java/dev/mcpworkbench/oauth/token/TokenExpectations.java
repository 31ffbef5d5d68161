package dev.mcpworkbench.oauth.token;

import java.util.Set;

/**
 * What the flow asked for, to hold a token response against: the resource (RFC 8707) the access
 * token should name in {@code aud}, the authorization server's issuer, the client (an id_token's
 * audience), the scopes of the authorization request, and the thumbprint of the session's DPoP key
 * a bound token's cnf.jkt should name. Any may be null/empty when unknown.
 */
public record TokenExpectations(String resource, String issuer, String clientId, Set<String> askedScopes, String dpopKeyThumbprint) {

    /** Without a DPoP key (the token was not asked to be bound). */
    public TokenExpectations(String resource, String issuer, String clientId, Set<String> askedScopes) {
        this(resource, issuer, clientId, askedScopes, null);
    }

    public TokenExpectations {
        askedScopes = askedScopes == null ? Set.of() : Set.copyOf(askedScopes);
    }

    /** The asked scopes from a space-separated {@code scope} parameter. */
    public static Set<String> scopes(String scopeParameter) {
        return ScopeComparison.parse(scopeParameter);
    }
}
