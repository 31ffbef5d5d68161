package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.oauth.dpop.DPoPBinding;
import dev.mcpworkbench.oauth.flow.FlowStep;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.token.TokenExpectations;
import dev.mcpworkbench.oauth.token.TokenResponseReview;
import java.util.List;
import java.util.Optional;

/**
 * Finds, in the trace, what a token step's response is held against: the resource it asked for (its
 * own input), the issuer of the authorization server and the client id (the latest metadata and
 * registration steps before it), the scopes of the latest authorization request, and the session's
 * DPoP key when the step asked for a bound token (its own input).
 */
final class TokenStepReviews {

    private TokenStepReviews() {
    }

    static boolean shows(FlowStep step) {
        return step.kind() == StepKind.TOKEN_REQUEST || step.kind() == StepKind.REFRESH;
    }

    static Optional<TokenResponseReview> of(List<FlowStep> trace, FlowStep tokenStep) {
        List<HttpExchange> exchanges = tokenStep.exchanges();
        if (exchanges.isEmpty()) return Optional.empty();
        HttpExchange last = exchanges.get(exchanges.size() - 1);
        if (!last.answered() || last.status() / 100 != 2) return Optional.empty();
        int end = trace.indexOf(tokenStep);
        List<FlowStep> before = end < 0 ? trace : trace.subList(0, end);
        String issuer = latest(before, StepKind.AUTHORIZATION_SERVER_METADATA, true, "issuer");
        if (issuer == null) issuer = latest(before, StepKind.CLIENT_REGISTRATION, true, "issuer");
        String clientId = latest(before, StepKind.CLIENT_REGISTRATION, false, "client_id");
        String scope = latest(before, StepKind.AUTHORIZATION_REQUEST, true, "scope");
        String resource = tokenStep.inputs().get("resource");
        return TokenResponseReview.of(last.responseBody(),
                new TokenExpectations(resource, issuer, clientId, TokenExpectations.scopes(scope), tokenStep.inputs().get(DPoPBinding.KEY_INPUT)));
    }

    private static String latest(List<FlowStep> steps, StepKind kind, boolean input, String name) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            FlowStep s = steps.get(i);
            if (s.kind() != kind) continue;
            String value = (input ? s.inputs() : s.outputs()).get(name);
            if (value != null && !value.isEmpty()) return value;
        }
        return null;
    }
}
