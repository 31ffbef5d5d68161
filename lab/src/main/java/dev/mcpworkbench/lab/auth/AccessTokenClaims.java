package dev.mcpworkbench.lab.auth;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What a verified lab access token says; {@code dpopJkt} is the thumbprint of the DPoP key it is bound to, or null. */
public record AccessTokenClaims(String issuer, String subject, String clientId, List<String> audience,
                                Set<String> scopes, Instant expiresAt, String dpopJkt) {

    public boolean dpopBound() {
        return dpopJkt != null;
    }
}
