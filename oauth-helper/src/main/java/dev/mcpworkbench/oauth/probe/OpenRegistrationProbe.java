package dev.mcpworkbench.oauth.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.flow.ProbeStep;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** OAUTH-020: who may register a client, and what the registration endpoint hands out. */
final class OpenRegistrationProbe implements ActiveProbe {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String FAMOUS_NAME = "Visual Studio Code";
    static final String FOREIGN_REDIRECT = "https://registration-probe.invalid/callback";

    @Override
    public String name() {
        return "registration";
    }

    @Override
    public String ruleId() {
        return "OAUTH-020";
    }

    @Override
    public String title() {
        return "Dynamic registration not open";
    }

    @Override
    public String sideEffect() {
        return "registers clients at the authorization server, and they stay registered";
    }

    @Override
    public String description() {
        return "Registers clients (they stay registered): a native client with a loopback redirect and "
                + "token_endpoint_auth_method none, without an initial access token; if that works, a client named \""
                + FAMOUS_NAME + "\" with the redirect " + FOREIGN_REDIRECT + ".";
    }

    @Override
    public void run(ProbeContext context, ProbeStep step) {
        URI endpoint = context.as().metadata().getRegistrationEndpointURI();
        if (endpoint == null) {
            step.skip("The authorization server has no registration endpoint");
            return;
        }
        HttpExchange nativeClient = register(context, step, "MCP Workbench registration probe", "http://127.0.0.1/callback", "native", "none");
        step.note("Native client without an initial access token: " + ProbeContext.outcome(nativeClient));
        if (!nativeClient.answered()) {
            step.skip("The registration endpoint did not answer: " + nativeClient.error());
            return;
        }
        if (!ProbeContext.ok(nativeClient)) {
            String error = ProbeContext.outcome(nativeClient);
            if (nativeClient.status() == 400 && (error.contains("invalid_redirect_uri") || error.contains("invalid_client_metadata"))) {
                step.raise(OAuthFinding.fail(ruleId(), StepKind.ACTIVE_PROBE,
                        "Registration rejects a native client with a loopback redirect, which MCP clients need",
                        "application_type native, redirect http://127.0.0.1/callback -> " + error));
            }
            return;
        }
        step.raise(OAuthFinding.warn(ruleId(), StepKind.ACTIVE_PROBE,
                "Anyone can register a client: registration needs no initial access token",
                "POST " + endpoint + " without Authorization -> " + nativeClient.status()));
        JsonNode answer = json(nativeClient.responseBody());
        if (answer != null && answer.hasNonNull("client_secret")) {
            step.raise(OAuthFinding.warn(ruleId(), StepKind.ACTIVE_PROBE,
                    "A native client that asked for token_endpoint_auth_method none was given a client secret",
                    "token_endpoint_auth_method in the answer: " + answer.path("token_endpoint_auth_method").asText("(none)")));
        }
        HttpExchange famous = register(context, step, FAMOUS_NAME, FOREIGN_REDIRECT, "web", "none");
        step.note("\"" + FAMOUS_NAME + "\" with a foreign https redirect: " + ProbeContext.outcome(famous));
        if (ProbeContext.ok(famous)) {
            step.raise(OAuthFinding.warn(ruleId(), StepKind.ACTIVE_PROBE,
                    "Registration accepts a famous client name with someone else's https redirect: a consent page can be spoofed",
                    "client_name \"" + FAMOUS_NAME + "\", redirect " + FOREIGN_REDIRECT + " -> " + famous.status()));
        }
    }

    private static HttpExchange register(ProbeContext context, ProbeStep step, String name, String redirect, String type,
                                         String method) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("client_name", name);
        body.putArray("redirect_uris").add(redirect);
        body.putArray("grant_types").add("authorization_code");
        body.putArray("response_types").add("code");
        body.put("token_endpoint_auth_method", method);
        body.put("application_type", type);
        return context.http().send("POST", context.as().metadata().getRegistrationEndpointURI(),
                Map.of("Content-Type", List.of("application/json"), "Accept", List.of("application/json")), body.toString(), step.sink());
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
