package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-027: JWT access token hygiene. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class JwtAccessTokenHygiene extends OAuthRule {

    public JwtAccessTokenHygiene() {
        super("OAUTH-027", "JWT access token hygiene", Severity.HIGH, List.of("MCP01", "MCP07"),
                "A JWT access token without audience, issuer or expiry, or signed with `alg: none`, can be forged or replayed anywhere, forever.",
                "Sign tokens, set iss, aud and exp, and keep access tokens short-lived.");
    }
}
