package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-028: Token passthrough (advisory). Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class TokenPassthrough extends OAuthRule {

    public TokenPassthrough() {
        super("OAUTH-028", "Token passthrough (advisory)", Severity.HIGH, List.of("MCP01", "MCP07"),
                "An MCP server that forwards the client's token to upstream APIs breaks audience separation: the upstream cannot tell who is calling, and a token for one service is spent on another.",
                "Never forward the client's token; obtain a token for the upstream with its own audience.");
    }
}
