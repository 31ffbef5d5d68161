package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-009: Audience not enforced. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class AudienceNotEnforced extends OAuthRule {

    public AudienceNotEnforced() {
        super("OAUTH-009", "Audience not enforced", Severity.HIGH, List.of("MCP01", "MCP07"),
                "If a server accepts tokens minted for another resource, any service that receives a user's token can replay it here (the confused deputy).",
                "Check that the token's audience names this server before serving the request.");
    }
}
