package dev.mcpworkbench.oauth.probe;

import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.flow.ProbeStep;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.token.TokenInspection;
import dev.mcpworkbench.oauth.token.TokenInspector;
import java.util.Collection;
import java.util.Map;

/** OAUTH-017: does the authorization server honour the resource indicator (RFC 8707)? */
final class ResourceIndicatorProbe implements ActiveProbe {

    static final String UNKNOWN_RESOURCE = "https://unknown-resource.invalid/mcp";

    @Override
    public String name() {
        return "resource";
    }

    @Override
    public String ruleId() {
        return "OAUTH-017";
    }

    @Override
    public String title() {
        return "Resource indicator honoured";
    }

    @Override
    public String sideEffect() {
        return "may get an authorization code and a token for an unknown resource, using the code up";
    }

    @Override
    public String description() {
        return "Reads the aud of the access token the flow got (nothing sent), then sends one authorization request as this "
                + "client with resource=" + UNKNOWN_RESOURCE + " and, if a code comes back, redeems it (burns that code).";
    }

    @Override
    public void run(ProbeContext context, ProbeStep step) {
        String resource = context.result().resource().toString();
        TokenInspection token = TokenInspector.decode(context.result().tokens().accessToken());
        if (!token.jwt()) {
            step.note("The access token is opaque: its audience cannot be read by the client");
        } else if (!audienceContains(token.claims().get("aud"), resource)) {
            step.raise(OAuthFinding.warn(ruleId(), StepKind.ACTIVE_PROBE,
                    "The access token's aud does not name the resource it was asked for",
                    "resource " + resource + ", aud " + token.claims().get("aud")));
        }

        ProbeContext.Pkce pkce = ProbeContext.Pkce.s256();
        Map<String, String> params = context.authorizationParameters(pkce);
        params.put("resource", UNKNOWN_RESOURCE);
        ProbeContext.Attempt attempt = context.authorize(step, params);
        step.note("Unknown resource: " + attempt.describe());
        if (attempt.code().isEmpty()) return;
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", attempt.code().get());
        form.put("redirect_uri", String.valueOf(context.client().redirectUri()));
        form.put("code_verifier", pkce.verifier());
        form.put("resource", UNKNOWN_RESOURCE);
        HttpExchange redeemed = context.token(step, context.client(), form);
        step.note("Redeemed for the unknown resource: " + ProbeContext.outcome(redeemed));
        if (ProbeContext.ok(redeemed)) {
            step.raise(OAuthFinding.warn(ruleId(), StepKind.ACTIVE_PROBE,
                    "An unknown resource was not rejected with invalid_target: tokens are minted for any resource named",
                    "resource=" + UNKNOWN_RESOURCE + " -> code; token request -> " + ProbeContext.outcome(redeemed)));
        }
    }

    private static boolean audienceContains(Object aud, String resource) {
        if (aud instanceof Collection<?> list) return list.stream().anyMatch(a -> resource.equals(String.valueOf(a)));
        return aud != null && resource.equals(String.valueOf(aud));
    }
}
