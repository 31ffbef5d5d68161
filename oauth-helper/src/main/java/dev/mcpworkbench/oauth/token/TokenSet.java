package dev.mcpworkbench.oauth.token;

import dev.mcpworkbench.oauth.http.SecretMasker;
import java.time.Instant;
import java.util.Set;

/** Tokens from one token response, kept in memory only. {@link #toString()} masks them. */
public record TokenSet(String accessToken, String tokenType, String refreshToken, Set<String> scopes,
                       Instant expiresAt, Instant obtainedAt) {

    public TokenSet {
        scopes = Set.copyOf(scopes);
    }

    public boolean hasRefreshToken() {
        return refreshToken != null && !refreshToken.isEmpty();
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** A copy after a refresh: a new refresh token replaces the old one (rotation), else the old one stays. */
    public TokenSet refreshedWith(TokenSet fresh) {
        return new TokenSet(fresh.accessToken, fresh.tokenType, fresh.hasRefreshToken() ? fresh.refreshToken : refreshToken,
                fresh.scopes.isEmpty() ? scopes : fresh.scopes, fresh.expiresAt, fresh.obtainedAt);
    }

    @Override
    public String toString() {
        return tokenType + " " + SecretMasker.mask(accessToken) + (hasRefreshToken() ? " + refresh token" : "")
                + " scopes=" + scopes + (expiresAt == null ? "" : " expires " + expiresAt);
    }
}
