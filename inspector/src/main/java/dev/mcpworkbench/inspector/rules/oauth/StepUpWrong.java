package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-010: Step-up wrong. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class StepUpWrong extends OAuthRule {

    public StepUpWrong() {
        super("OAUTH-010", "Step-up wrong", Severity.MEDIUM, List.of("MCP02", "MCP07"),
                "When a token lacks a scope, the client needs a precise 403 to ask the user for more; a vague error leads clients to request every scope up front.",
                "Answer missing scopes with 403 insufficient_scope and name the scope needed.");
    }
}
