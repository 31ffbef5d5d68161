package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-011: Unsafe metadata URLs. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class UnsafeMetadataUrls extends OAuthRule {

    public UnsafeMetadataUrls() {
        super("OAUTH-011", "Unsafe metadata URLs", Severity.HIGH, List.of("MCP07"),
                "Every URL in discovery documents comes from the server and is fetched or opened by the client. Cleartext, private addresses or odd schemes turn the client into a tool for interception or server-side request forgery.",
                "Publish only https URLs on public hosts (http is acceptable for loopback during development).");
    }
}
