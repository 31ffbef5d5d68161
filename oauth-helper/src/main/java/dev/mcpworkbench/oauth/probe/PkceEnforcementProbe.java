package dev.mcpworkbench.oauth.probe;

import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.flow.ProbeStep;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.HttpExchange;
import java.util.Map;

/** OAUTH-016: does the authorization server insist on PKCE with S256, at both ends? */
final class PkceEnforcementProbe implements ActiveProbe {

    @Override
    public String name() {
        return "pkce";
    }

    @Override
    public String ruleId() {
        return "OAUTH-016";
    }

    @Override
    public String title() {
        return "PKCE enforced";
    }

    @Override
    public String sideEffect() {
        return "gets authorization codes and uses them up";
    }

    @Override
    public String description() {
        return "Sends three authorization requests as this client and redeems any code it gets (burns those codes): "
                + "one without code_challenge, redeemed without code_verifier; one with an S256 challenge, redeemed with a "
                + "wrong code_verifier; one with code_challenge_method=plain.";
    }

    @Override
    public void run(ProbeContext context, ProbeStep step) {
        String redirect = String.valueOf(context.client().redirectUri());

        Map<String, String> withoutChallenge = context.authorizationParameters(ProbeContext.Pkce.s256());
        withoutChallenge.remove("code_challenge");
        withoutChallenge.remove("code_challenge_method");
        ProbeContext.Attempt bare = context.authorize(step, withoutChallenge);
        step.note("Without code_challenge: " + bare.describe());
        if (bare.code().isPresent()) {
            HttpExchange redeemed = context.redeem(step, bare.code().get(), redirect, null);
            step.note("Redeemed without code_verifier: " + ProbeContext.outcome(redeemed));
            if (ProbeContext.ok(redeemed)) {
                step.raise(OAuthFinding.fail(ruleId(), StepKind.ACTIVE_PROBE,
                        "A code issued without a code_challenge was redeemed without a code_verifier: PKCE is not enforced",
                        "authorization request without code_challenge -> code; token request without code_verifier -> "
                                + ProbeContext.outcome(redeemed)));
            }
        }

        ProbeContext.Pkce pkce = ProbeContext.Pkce.s256();
        ProbeContext.Attempt normal = context.authorize(step, context.authorizationParameters(pkce));
        if (normal.code().isEmpty()) {
            step.skip("A well-formed authorization request got no code (" + normal.describe() + "): the verifier check cannot be tested");
            return;
        }
        HttpExchange wrong = context.redeem(step, normal.code().get(), redirect, ProbeContext.Pkce.s256().verifier());
        step.note("S256 code redeemed with a wrong code_verifier: " + ProbeContext.outcome(wrong));
        if (ProbeContext.ok(wrong)) {
            step.raise(OAuthFinding.fail(ruleId(), StepKind.ACTIVE_PROBE,
                    "A code issued for an S256 challenge was redeemed with a wrong code_verifier",
                    "token request with a verifier that does not match the challenge -> " + ProbeContext.outcome(wrong)));
        }

        ProbeContext.Pkce plain = ProbeContext.Pkce.s256();
        Map<String, String> plainParams = context.authorizationParameters(plain);
        plainParams.put("code_challenge", plain.verifier());
        plainParams.put("code_challenge_method", "plain");
        ProbeContext.Attempt plainAttempt = context.authorize(step, plainParams);
        step.note("code_challenge_method=plain: " + plainAttempt.describe());
        if (plainAttempt.code().isPresent()) {
            HttpExchange redeemed = context.redeem(step, plainAttempt.code().get(), redirect, plain.verifier());
            if (ProbeContext.ok(redeemed)) {
                step.raise(OAuthFinding.warn(ruleId(), StepKind.ACTIVE_PROBE,
                        "The plain PKCE method is accepted: anyone who sees the authorization request can redeem the code",
                        "authorization request with code_challenge_method=plain -> code; redeemed -> " + ProbeContext.outcome(redeemed)));
            }
        }
    }
}
