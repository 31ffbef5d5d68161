package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-021: Redirect URI not exact-matched (probe). Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class RedirectUriNotExactMatch extends OAuthRule {

    public RedirectUriNotExactMatch() {
        super("OAUTH-021", "Redirect URI not exact-matched (probe)", Severity.HIGH, List.of("MCP07"),
                "Loose redirect matching sends authorization codes to URLs the client does not control.",
                "Compare redirect URIs as exact strings, except the port of loopback redirects.");
    }
}
