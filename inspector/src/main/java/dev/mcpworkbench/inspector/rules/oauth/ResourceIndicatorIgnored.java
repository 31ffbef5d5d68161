package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-017: Resource indicator ignored. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class ResourceIndicatorIgnored extends OAuthRule {

    public ResourceIndicatorIgnored() {
        super("OAUTH-017", "Resource indicator ignored", Severity.MEDIUM, List.of("MCP01", "MCP07"),
                "The resource parameter is how a token gets bound to one MCP server. An authorization server that ignores it issues tokens any server would accept.",
                "Honour RFC 8707: put the requested resource in the token's audience and reject resources you do not serve.");
    }
}
