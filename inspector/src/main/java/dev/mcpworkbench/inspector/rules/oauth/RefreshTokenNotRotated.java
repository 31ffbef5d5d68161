package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-023: Refresh token not rotated. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class RefreshTokenNotRotated extends OAuthRule {

    public RefreshTokenNotRotated() {
        super("OAUTH-023", "Refresh token not rotated", Severity.HIGH, List.of("MCP01", "MCP07"),
                "Public clients cannot keep a secret; rotation is what makes a leaked refresh token detectable and short-lived.",
                "Rotate refresh tokens for public clients and revoke the family when an old one is replayed.");
    }
}
