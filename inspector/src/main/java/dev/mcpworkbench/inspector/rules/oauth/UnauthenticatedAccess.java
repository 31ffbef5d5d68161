package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-001: Unauthenticated access. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class UnauthenticatedAccess extends OAuthRule {

    public UnauthenticatedAccess() {
        super("OAUTH-001", "Unauthenticated access", Severity.HIGH, List.of("MCP07"),
                "A remote MCP server that answers initialize or tools/list without a token exposes its tools to anyone who can reach its URL; every other authorization check is moot.",
                "Reject every request without a valid bearer token with 401 before any MCP method runs, including initialize.");
    }
}
