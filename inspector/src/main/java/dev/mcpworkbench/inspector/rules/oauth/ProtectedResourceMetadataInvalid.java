package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-004: Protected resource metadata invalid. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class ProtectedResourceMetadataInvalid extends OAuthRule {

    public ProtectedResourceMetadataInvalid() {
        super("OAUTH-004", "Protected resource metadata invalid", Severity.HIGH, List.of("MCP07"),
                "A metadata document that is not JSON, lacks `resource` or lists no authorization server leaves the client unable to authorize, or tempts it to guess.",
                "Publish valid RFC 9728 metadata: application/json, `resource` equal to the server URL, at least one authorization server.");
    }
}
