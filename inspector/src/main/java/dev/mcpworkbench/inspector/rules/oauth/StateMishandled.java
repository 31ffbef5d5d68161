package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-026: State mishandled. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class StateMishandled extends OAuthRule {

    public StateMishandled() {
        super("OAUTH-026", "State mishandled", Severity.HIGH, List.of("MCP07"),
                "`state` ties the callback to the request the client made; altering it, or repeating parameters, opens the door to CSRF and parameter confusion.",
                "Echo `state` byte for byte and send each response parameter once.");
    }
}
