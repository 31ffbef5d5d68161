package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-007: Bad token accepted. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class BadTokenAccepted extends OAuthRule {

    public BadTokenAccepted() {
        super("OAUTH-007", "Bad token accepted", Severity.HIGH, List.of("MCP01", "MCP07"),
                "A server that accepts a garbage or expired token does not actually authenticate anyone.",
                "Validate every token (signature or introspection, expiry, issuer, audience) before serving the request.");
    }
}
