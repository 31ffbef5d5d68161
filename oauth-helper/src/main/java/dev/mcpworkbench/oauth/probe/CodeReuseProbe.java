package dev.mcpworkbench.oauth.probe;

import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.flow.ProbeStep;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.HttpExchange;
import java.util.Map;
import java.util.Optional;

/**
 * OAUTH-024: is an authorization code single-use and bound to the redirect URI it was issued for?
 * Binding to the client_id would need a second client at the same server, which the probe does not
 * have: that part is not tested.
 */
final class CodeReuseProbe implements ActiveProbe {

    @Override
    public String name() {
        return "code-reuse";
    }

    @Override
    public String ruleId() {
        return "OAUTH-024";
    }

    @Override
    public String title() {
        return "Authorization codes single-use and bound";
    }

    @Override
    public String sideEffect() {
        return "gets two authorization codes and uses them up";
    }

    @Override
    public String description() {
        return "Gets two fresh codes as this client (two authorization requests) and burns them: redeems the first twice, the "
                + "second with another redirect_uri. Binding to the client_id is not tested (it needs a second client).";
    }

    @Override
    public void run(ProbeContext context, ProbeStep step) {
        String redirect = String.valueOf(context.client().redirectUri());
        Optional<Map.Entry<String, ProbeContext.Pkce>> first = context.freshCode(step);
        if (first.isEmpty()) {
            step.skip("No code to test with");
            return;
        }
        HttpExchange once = context.redeem(step, first.get().getKey(), redirect, first.get().getValue().verifier());
        step.note("First redemption: " + ProbeContext.outcome(once));
        if (!ProbeContext.ok(once)) {
            step.skip("The first, well-formed redemption was refused (" + ProbeContext.outcome(once) + ")");
            return;
        }
        HttpExchange twice = context.redeem(step, first.get().getKey(), redirect, first.get().getValue().verifier());
        step.note("Second redemption of the same code: " + ProbeContext.outcome(twice));
        if (ProbeContext.ok(twice)) {
            step.raise(OAuthFinding.fail(ruleId(), StepKind.ACTIVE_PROBE,
                    "An authorization code was redeemed twice: a leaked code stays usable",
                    "the same code redeemed a second time -> " + ProbeContext.outcome(twice)));
        }
        Optional<Map.Entry<String, ProbeContext.Pkce>> second = context.freshCode(step);
        if (second.isEmpty()) return;
        String otherRedirect = redirect.contains("?") ? redirect + "&probe=1" : redirect + "/other";
        HttpExchange unbound = context.redeem(step, second.get().getKey(), otherRedirect, second.get().getValue().verifier());
        step.note("Redeemed with redirect_uri " + otherRedirect + ": " + ProbeContext.outcome(unbound));
        if (ProbeContext.ok(unbound)) {
            step.raise(OAuthFinding.fail(ruleId(), StepKind.ACTIVE_PROBE,
                    "An authorization code was redeemed with a redirect_uri other than the one it was issued for",
                    "issued for " + redirect + ", redeemed with " + otherRedirect + " -> " + ProbeContext.outcome(unbound)));
        }
    }
}
