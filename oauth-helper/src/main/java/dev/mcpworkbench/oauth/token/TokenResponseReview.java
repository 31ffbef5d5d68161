package dev.mcpworkbench.oauth.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A token response read for the debugger: each token decoded and checked, the scopes granted
 * against those asked, and the token type with, for a DPoP-bound token, its cnf.jkt held against
 * the session's key. Nothing here verifies a signature: the client cannot and need not.
 */
public record TokenResponseReview(List<DecodedToken> tokens, ScopeComparison scopes, String tokenType, ClaimCheck dpopBinding) {

    /** True for {@code token_type: DPoP} (RFC 9449): the access token is bound to the session's key. */
    public boolean dpopBound() {
        return "dpop".equalsIgnoreCase(tokenType);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public TokenResponseReview {
        tokens = List.copyOf(tokens);
    }

    /** Empty when the body is not a JSON object with an access_token (a refused or broken response). */
    public static Optional<TokenResponseReview> of(String responseBody, TokenExpectations expected) {
        JsonNode body;
        try {
            body = responseBody == null ? null : MAPPER.readTree(responseBody);
        } catch (Exception e) {
            return Optional.empty();
        }
        if (body == null || !body.isObject() || !body.hasNonNull("access_token")) return Optional.empty();
        List<DecodedToken> tokens = new ArrayList<>();
        DecodedToken access = TokenInspector.review("access_token", body.get("access_token").asText(),
                expected.resource(), expected.issuer());
        tokens.add(access);
        if (body.hasNonNull("id_token")) {
            tokens.add(TokenInspector.review("id_token", body.get("id_token").asText(), expected.clientId(), expected.issuer()));
        }
        ScopeComparison scopes;
        if (body.hasNonNull("scope")) {
            scopes = ScopeComparison.of(expected.askedScopes(), ScopeComparison.parse(body.get("scope").asText()),
                    ScopeComparison.FROM_RESPONSE);
        } else if (!access.inspection().scopes().isEmpty()) {
            scopes = ScopeComparison.of(expected.askedScopes(), access.inspection().scopes(), ScopeComparison.FROM_CLAIM);
        } else {
            scopes = ScopeComparison.of(expected.askedScopes(), expected.askedScopes(), ScopeComparison.NOT_STATED);
        }
        String type = body.path("token_type").asText("");
        String jkt = access.inspection().confirmationThumbprint();
        ClaimCheck binding = jkt == null && !"dpop".equalsIgnoreCase(type) ? null : binding(access, jkt, expected.dpopKeyThumbprint());
        return Optional.of(new TokenResponseReview(tokens, scopes, type, binding));
    }

    /** cnf.jkt against the session's key: not checked for an opaque token or without a key, missing from a JWT without it. */
    private static ClaimCheck binding(DecodedToken access, String jkt, String sessionKey) {
        if (!access.jwt()) return ClaimCheck.notChecked("");
        if (jkt == null) return new ClaimCheck(ClaimCheck.Verdict.MISSING, "", sessionKey == null ? "" : sessionKey);
        if (sessionKey == null || sessionKey.isEmpty()) return ClaimCheck.notChecked(jkt);
        return new ClaimCheck(jkt.equals(sessionKey) ? ClaimCheck.Verdict.MATCH : ClaimCheck.Verdict.MISMATCH, jkt, sessionKey);
    }
}
