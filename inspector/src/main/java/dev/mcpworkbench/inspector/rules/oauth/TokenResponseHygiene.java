package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-025: Token response hygiene. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class TokenResponseHygiene extends OAuthRule {

    public TokenResponseHygiene() {
        super("OAUTH-025", "Token response hygiene", Severity.HIGH, List.of("MCP01", "MCP07"),
                "Token responses carry credentials: a cache that keeps them, or a malformed body, leaks or loses them.",
                "Answer token requests with JSON, `Cache-Control: no-store` and the mandatory fields.");
    }
}
