package dev.mcpworkbench.lab.auth;

import java.util.Locale;

/**
 * Switchable faults of the lab's authorization server and protected resource, one per
 * authorization check of the workbench (the OAUTH id it should trip). The default lab does none.
 */
public enum Misbehaviour {

    UNAUTHENTICATED_ACCESS("OAUTH-001", "the MCP server answers without any token"),
    CHALLENGE_WITHOUT_METADATA("OAUTH-002", "401 challenge without resource_metadata"),
    NO_RESOURCE_METADATA("OAUTH-003", "no protected resource metadata at any well-known URL"),
    PRM_RESOURCE_MISMATCH("OAUTH-005", "protected resource metadata names another origin as its resource"),
    BROAD_SCOPES("OAUTH-006", "advertises admin, * and offline_access scopes and no scope in the challenge"),
    BAD_TOKEN_ACCEPTED("OAUTH-007", "garbage, expired or forged tokens are accepted"),
    TOKEN_IN_QUERY("OAUTH-008", "an access_token query parameter is accepted"),
    AUDIENCE_NOT_CHECKED("OAUTH-009", "the MCP server accepts tokens minted for another resource"),
    WRONG_STEP_UP("OAUTH-010", "a low-scope call to a privileged tool gets 403 without scope or resource_metadata"),
    UNSAFE_METADATA_URLS("OAUTH-011", "metadata advertises endpoints on a private address and a non-http scheme"),
    METADATA_ROOT_ONLY("OAUTH-012", "path issuer whose metadata is served only at the root well-known URL"),
    WRONG_ISSUER("OAUTH-013", "metadata issuer differs from the issuer (trailing slash)"),
    METADATA_INCOMPLETE("OAUTH-014", "metadata lacks response_types_supported"),
    NO_S256_ADVERTISED("OAUTH-015", "code_challenge_methods_supported lists only plain"),
    PKCE_OPTIONAL("OAUTH-016", "codes are issued and redeemed without PKCE"),
    PKCE_PLAIN("OAUTH-016", "the plain PKCE method is accepted"),
    RESOURCE_IGNORED("OAUTH-017", "the resource parameter is ignored: aud is always the issuer, unknown resources pass"),
    NO_ISS("OAUTH-018", "iss advertised but missing from the authorization response"),
    WRONG_ISS("OAUTH-018", "iss in the authorization response differs from the issuer"),
    NO_CIMD("OAUTH-019", "client ID metadata documents are not supported"),
    OPEN_DCR("OAUTH-020", "open dynamic registration that hands secrets to native clients"),
    REDIRECT_PREFIX_MATCH("OAUTH-021", "redirect_uri matched by prefix, not exactly"),
    CIMD_UNCHECKED("OAUTH-022", "client metadata documents accepted without the required checks"),
    NO_REFRESH_ROTATION("OAUTH-023", "refresh tokens are not rotated: the old one keeps working"),
    REUSABLE_CODE("OAUTH-024", "authorization codes can be redeemed twice and with another redirect_uri"),
    NO_STORE_MISSING("OAUTH-025", "token responses lack Cache-Control: no-store"),
    STATE_NOT_ECHOED("OAUTH-026", "state is not echoed in the authorization response"),
    ALG_NONE("OAUTH-027", "access tokens are unsigned JWTs (alg none)"),
    LONG_LIVED_TOKENS("OAUTH-027", "access tokens live 24 hours");

    private final String ruleId;
    private final String description;

    Misbehaviour(String ruleId, String description) {
        this.ruleId = ruleId;
        this.description = description;
    }

    /** The command-line name, e.g. {@code pkce-optional}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String ruleId() {
        return ruleId;
    }

    public String description() {
        return description;
    }

    public static Misbehaviour parse(String optionName) {
        for (Misbehaviour m : values()) {
            if (m.optionName().equalsIgnoreCase(optionName)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown misbehaviour '" + optionName + "' (see: lab list)");
    }
}
