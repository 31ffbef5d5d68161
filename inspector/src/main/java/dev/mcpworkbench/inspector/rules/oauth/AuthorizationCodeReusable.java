package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-024: Authorization code reusable or unbound. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class AuthorizationCodeReusable extends OAuthRule {

    public AuthorizationCodeReusable() {
        super("OAUTH-024", "Authorization code reusable or unbound", Severity.HIGH, List.of("MCP01", "MCP07"),
                "An authorization code must work once, for the client and redirect URI it was issued to; otherwise an intercepted code can be replayed.",
                "Make codes single-use and check client_id and redirect_uri on redemption.");
    }
}
