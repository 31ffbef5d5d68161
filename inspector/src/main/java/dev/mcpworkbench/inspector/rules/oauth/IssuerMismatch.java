package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-013: Issuer mismatch. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class IssuerMismatch extends OAuthRule {

    public IssuerMismatch() {
        super("OAUTH-013", "Issuer mismatch", Severity.HIGH, List.of("MCP07"),
                "The issuer identifies who signs tokens and answers authorizations. A document whose issuer differs from the one it was fetched for may be served by an attacker (mix-up attack).",
                "Make `issuer` exactly the identifier clients are given in the protected resource metadata.");
    }
}
