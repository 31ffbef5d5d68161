package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-015: PKCE not advertised. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class PkceNotAdvertised extends OAuthRule {

    public PkceNotAdvertised() {
        super("OAUTH-015", "PKCE not advertised", Severity.HIGH, List.of("MCP07"),
                "MCP clients are public clients: PKCE with S256 is what stops an intercepted authorization code from being redeemed. The MCP specification requires clients to refuse an authorization server that does not advertise it.",
                "Support and advertise S256 only.");
    }
}
