package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-016: PKCE not enforced (probe). Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class PkceNotEnforced extends OAuthRule {

    public PkceNotEnforced() {
        super("OAUTH-016", "PKCE not enforced (probe)", Severity.HIGH, List.of("MCP07"),
                "Advertising PKCE is not enforcing it: if the token endpoint redeems a code without the verifier, a stolen code is as good as a token.",
                "Require a code_challenge on every authorization request and verify the code_verifier on redemption.");
    }
}
