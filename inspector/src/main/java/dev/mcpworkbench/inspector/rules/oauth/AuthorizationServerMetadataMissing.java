package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-012: AS metadata missing or misplaced. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class AuthorizationServerMetadataMissing extends OAuthRule {

    public AuthorizationServerMetadataMissing() {
        super("OAUTH-012", "AS metadata missing or misplaced", Severity.HIGH, List.of("MCP07"),
                "Without authorization server metadata the client cannot find the endpoints or learn whether PKCE is supported; metadata only at the root of a path issuer breaks multi-tenant hosts.",
                "Serve RFC 8414 metadata at the infix well-known URL of the issuer.");
    }
}
