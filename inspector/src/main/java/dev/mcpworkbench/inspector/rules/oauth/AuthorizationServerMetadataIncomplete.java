package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-014: AS metadata incomplete. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class AuthorizationServerMetadataIncomplete extends OAuthRule {

    public AuthorizationServerMetadataIncomplete() {
        super("OAUTH-014", "AS metadata incomplete", Severity.HIGH, List.of("MCP07"),
                "A client cannot run the authorization code flow without the authorization and token endpoints, and the code response type.",
                "Publish complete RFC 8414 metadata with the content type application/json.");
    }
}
