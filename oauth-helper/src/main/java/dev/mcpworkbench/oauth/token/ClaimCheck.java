package dev.mcpworkbench.oauth.token;

/**
 * One claim of a decoded token held against what the flow expected: the token's {@code aud}
 * against the resource it was asked for, its {@code iss} against the authorization server's issuer.
 */
public record ClaimCheck(Verdict verdict, String found, String expected) {

    public enum Verdict {
        MATCH, MISMATCH,
        /** The token has no such claim. */
        MISSING,
        /** The flow had nothing to compare with (or the token is opaque). */
        NOT_CHECKED
    }

    public static ClaimCheck notChecked(String found) {
        return new ClaimCheck(Verdict.NOT_CHECKED, found == null ? "" : found, "");
    }

    /** "match", "mismatch", "missing", "not checked": the words the views show. */
    public String word() {
        return verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
