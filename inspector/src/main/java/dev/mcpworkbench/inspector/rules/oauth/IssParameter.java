package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-018: iss response parameter. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class IssParameter extends OAuthRule {

    public IssParameter() {
        super("OAUTH-018", "iss response parameter", Severity.HIGH, List.of("MCP07"),
                "The `iss` parameter of the authorization response lets a client that talks to several authorization servers detect a mix-up, where a code from one is sent to another.",
                "Send `iss` on every authorization response and advertise it.");
    }
}
