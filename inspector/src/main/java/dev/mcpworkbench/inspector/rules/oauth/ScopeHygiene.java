package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-006: Scope hygiene. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class ScopeHygiene extends OAuthRule {

    public ScopeHygiene() {
        super("OAUTH-006", "Scope hygiene", Severity.MEDIUM, List.of("MCP02", "MCP07"),
                "Broad or undefined scopes push clients to ask for everything, so a stolen or misused token can do everything. Least privilege starts with scopes a client can request narrowly.",
                "Define narrow scopes per capability, return the scope a request needs in the challenge, and leave long-lived refresh scopes to the authorization server's policy.");
    }
}
