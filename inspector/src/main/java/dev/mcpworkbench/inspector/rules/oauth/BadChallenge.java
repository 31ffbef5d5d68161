package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/** OAUTH-002: Bad challenge. Evaluated by the authorization flow (oauth-helper); see {@link FlowRule}. */
public final class BadChallenge extends OAuthRule {

    public BadChallenge() {
        super("OAUTH-002", "Bad challenge", Severity.HIGH, List.of("MCP07"),
                "Clients discover where to authorize from the 401 challenge. Without a Bearer challenge they cannot start the flow; without resource_metadata they must guess well-known URLs, which breaks servers mounted under a path.",
                "Answer unauthenticated requests with a Bearer challenge carrying resource_metadata (RFC 9728 section 5.1) and, where useful, the scope the request needs.");
    }
}
