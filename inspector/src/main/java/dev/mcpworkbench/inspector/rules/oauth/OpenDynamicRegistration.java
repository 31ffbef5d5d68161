package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-020: Open dynamic registration. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class OpenDynamicRegistration extends OAuthRule {

    public OpenDynamicRegistration() {
        super("OAUTH-020", "Open dynamic registration", Severity.HIGH, List.of("MCP07", "MCP09"),
                "Open registration lets anyone register a client that looks like a famous one, with their own redirect URI, and phish users through your consent screen.",
                "Protect the registration endpoint, show unverified client names as such, and accept native clients with loopback redirects.");
    }
}
