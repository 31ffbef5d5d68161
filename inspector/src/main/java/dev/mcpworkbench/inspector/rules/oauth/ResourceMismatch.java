package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-005: Resource mismatch. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class ResourceMismatch extends OAuthRule {

    public ResourceMismatch() {
        super("OAUTH-005", "Resource mismatch", Severity.HIGH, List.of("MCP07"),
                "Clients bind tokens to the `resource` the metadata names. A resource of another origin lets one server collect tokens meant for another; a mismatch also breaks audience checks.",
                "Set `resource` to the exact canonical URL clients use to reach the server (no fragment).");
    }
}
