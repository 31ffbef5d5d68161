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

    /** A DPoP-bound token (RFC 9449): sent with the DPoP scheme and a proof of the session's key on every request. */
    public boolean dpopBound() {
        return "dpop".equalsIgnoreCase(tokenType);
    }

    /** The Authorization header's scheme for this token: {@code DPoP} for a bound token, else {@code Bearer}. */
    public String authorizationScheme() {
        return dpopBound() ? "DPoP" : "Bearer";
    }

    /** The Authorization header's value: the scheme and the token. */
    public String authorizationHeader() {
        return authorizationScheme() + " " + accessToken;
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
