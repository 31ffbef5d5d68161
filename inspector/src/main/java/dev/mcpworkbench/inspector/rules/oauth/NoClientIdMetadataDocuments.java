package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-019: No client ID metadata documents. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class NoClientIdMetadataDocuments extends OAuthRule {

    public NoClientIdMetadataDocuments() {
        super("OAUTH-019", "No client ID metadata documents", Severity.MEDIUM, List.of("MCP07"),
                "With client ID metadata documents the authorization server can verify who a client is from a domain the client controls; dynamic registration is self-asserted and deprecated by the 2026-07-28 MCP specification.",
                "Support client ID metadata documents and advertise the flag.");
    }
}
