package dev.mcpworkbench.lab.auth;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What a verified lab access token says. */
public record AccessTokenClaims(String issuer, String subject, String clientId, List<String> audience,
                                Set<String> scopes, Instant expiresAt) {
}
