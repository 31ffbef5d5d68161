package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-008: Token in the query string accepted. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class TokenInQueryAccepted extends OAuthRule {

    public TokenInQueryAccepted() {
        super("OAUTH-008", "Token in the query string accepted", Severity.HIGH, List.of("MCP01", "MCP07"),
                "Tokens in URLs end up in logs, browser history and Referer headers. The MCP specification forbids them in the query string.",
                "Accept bearer tokens only from the Authorization header.");
    }
}
