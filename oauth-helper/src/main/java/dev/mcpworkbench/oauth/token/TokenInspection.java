package dev.mcpworkbench.oauth.token;

import java.util.Map;

/** A decoded JWT access token: header and claims as JSON maps (the signature is not shown). */
public record TokenInspection(boolean jwt, Map<String, Object> header, Map<String, Object> claims) {

    public TokenInspection {
        header = Map.copyOf(header);
        claims = Map.copyOf(claims);
    }

    public static TokenInspection opaque() {
        return new TokenInspection(false, Map.of(), Map.of());
    }
}
