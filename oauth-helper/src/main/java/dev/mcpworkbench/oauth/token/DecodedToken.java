package dev.mcpworkbench.oauth.token;

import java.time.Instant;

/**
 * One token of a token response ({@code access_token}, {@code id_token}) decoded and held against
 * the flow: its raw text (a secret: views mask it), what decoding found, and the aud/iss checks.
 */
public record DecodedToken(String name, String raw, TokenInspection inspection, ClaimCheck audience, ClaimCheck issuer,
                           Instant expiresAt) {

    public boolean jwt() {
        return inspection.jwt();
    }

    public int length() {
        return raw == null ? 0 : raw.length();
    }

    public String opaqueNote() {
        return "opaque token (not a JWT): nothing to decode (" + length() + " chars)";
    }
}
