package dev.mcpworkbench.oauth.probe;

import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.flow.ProbeStep;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.HttpExchange;
import java.util.LinkedHashMap;
import java.util.Map;

/** OAUTH-023: once a refresh token has been used, does the old one stop working? */
final class RefreshRotationProbe implements ActiveProbe {

    @Override
    public String name() {
        return "refresh-rotation";
    }

    @Override
    public String ruleId() {
        return "OAUTH-023";
    }

    @Override
    public String title() {
        return "Refresh tokens rotated";
    }

    @Override
    public String sideEffect() {
        return "uses up the session's refresh token; the server may revoke the whole grant";
    }

    @Override
    public String description() {
        return "Uses the flow's refresh token twice at the token endpoint: the second use is the test. This uses up the "
                + "session's refresh token (a server that detects the reuse may revoke the whole grant).";
    }

    @Override
    public void run(ProbeContext context, ProbeStep step) {
        String refreshToken = context.result().tokens().refreshToken();
        if (refreshToken == null) {
            step.skip("The flow got no refresh token");
            return;
        }
        HttpExchange first = refresh(context, step, refreshToken);
        step.note("First use of the refresh token: " + ProbeContext.outcome(first));
        if (!ProbeContext.ok(first)) {
            step.skip("The authorization server refused the refresh token's first use (" + ProbeContext.outcome(first) + ")");
            return;
        }
        HttpExchange again = refresh(context, step, refreshToken);
        step.note("Second use of the same refresh token: " + ProbeContext.outcome(again));
        if (ProbeContext.ok(again)) {
            step.raise(OAuthFinding.fail(ruleId(), StepKind.ACTIVE_PROBE,
                    "A refresh token still works after it was used: a stolen one stays useful",
                    "grant_type=refresh_token with an already used refresh token -> " + ProbeContext.outcome(again)));
        }
    }

    private static HttpExchange refresh(ProbeContext context, ProbeStep step, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("resource", context.result().resource().toString());
        return context.token(step, context.client(), form);
    }
}
