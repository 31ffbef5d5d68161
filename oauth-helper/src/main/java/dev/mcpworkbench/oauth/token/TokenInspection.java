package dev.mcpworkbench.oauth.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A decoded JWT access token: header and claims as JSON maps (the signature is not shown). */
public record TokenInspection(boolean jwt, Map<String, Object> header, Map<String, Object> claims) {

    public TokenInspection {
        header = Map.copyOf(header);
        claims = Map.copyOf(claims);
    }

    public static TokenInspection opaque() {
        return new TokenInspection(false, Map.of(), Map.of());
    }

    /** The {@code aud} claim as a list (it may be one string or an array). */
    public List<String> audience() {
        Object aud = claims.get("aud");
        List<String> out = new ArrayList<>();
        if (aud instanceof Iterable<?> many) many.forEach(a -> out.add(String.valueOf(a)));
        else if (aud != null) out.add(aud.toString());
        return out;
    }

    public String issuer() {
        Object iss = claims.get("iss");
        return iss == null ? null : iss.toString();
    }

    /** {@code exp} (decoded to epoch seconds), or null. */
    public Instant expiresAt() {
        return claims.get("exp") instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
    }

    /** The scopes the token itself carries: {@code scope} (RFC 9068, space-separated) or {@code scp} (string or array). */
    public Set<String> scopes() {
        Object scope = claims.containsKey("scope") ? claims.get("scope") : claims.get("scp");
        return ScopeComparison.parse(scope);
    }

    /** The {@code cnf.jkt} claim (RFC 9449 section 6.1): the thumbprint of the DPoP key the token is bound to, or null. */
    public String confirmationThumbprint() {
        return claims.get("cnf") instanceof Map<?, ?> cnf && cnf.get("jkt") != null ? cnf.get("jkt").toString() : null;
    }
}
