package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-003: Protected resource metadata unreachable. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class ProtectedResourceMetadataUnreachable extends OAuthRule {

    public ProtectedResourceMetadataUnreachable() {
        super("OAUTH-003", "Protected resource metadata unreachable", Severity.HIGH, List.of("MCP07"),
                "Without protected resource metadata (RFC 9728) a client cannot learn which authorization server protects the server, so it cannot obtain a token the right way.",
                "Serve the document at the path-specific well-known URL and name it in the 401 challenge's resource_metadata.");
    }
}
