package dev.mcpworkbench.lab.auth;

import java.util.Locale;

/**
 * How the lab's servers treat DPoP (RFC 9449). The authorization server always binds a token to the
 * key of a valid proof sent with the token request (token_type DPoP, cnf.jkt) and refuses a broken
 * proof; the MCP server always refuses a bound token presented without a valid proof of that key.
 */
public enum DPoPPolicy {

    /** Bearer and DPoP-bound tokens are both accepted; the MCP server challenges with Bearer. */
    OPTIONAL("tokens are DPoP-bound when the client sends a proof; Bearer tokens work too"),
    /** The MCP server takes DPoP-bound tokens only: it challenges with DPoP and its metadata says so. */
    REQUIRED("the MCP server takes DPoP-bound tokens only (DPoP challenge, dpop_bound_access_tokens_required)"),
    /** As {@link #REQUIRED}, and both servers demand their nonce in proofs (use_dpop_nonce). */
    NONCE("DPoP required, and the token endpoint and the MCP server demand a DPoP nonce");

    private final String description;

    DPoPPolicy(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean required() {
        return this != OPTIONAL;
    }

    public boolean demandsNonce() {
        return this == NONCE;
    }

    /** The command-line name: optional, required, nonce. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DPoPPolicy parse(String name) {
        for (DPoPPolicy p : values()) {
            if (p.optionName().equalsIgnoreCase(name)) return p;
        }
        throw new IllegalArgumentException("--dpop takes optional, required or nonce, not '" + name + "'");
    }
}
