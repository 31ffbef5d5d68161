package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-022: Unsafe CIMD handling (probe). Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class UnsafeCimdHandling extends OAuthRule {

    public UnsafeCimdHandling() {
        super("OAUTH-022", "Unsafe CIMD handling (probe)", Severity.HIGH, List.of("MCP07"),
                "When the authorization server fetches client metadata documents it talks to URLs chosen by strangers; lax validation allows client impersonation and server-side request forgery.",
                "Validate documents strictly, cap their size, never follow redirects, and refuse private addresses.");
    }
}
