package dev.mcpworkbench.oauth.flow;

import dev.mcpworkbench.oauth.check.OAuthFinding;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 6: judges the authorization response. The issuer is checked first (RFC 9207): when it fails
 * the response's error fields are not even shown, since they may come from a mix-up attacker.
 */
final class CallbackValidation {

    private final FlowTrace trace;

    CallbackValidation(FlowTrace trace) {
        this.trace = trace;
    }

    /** Returns the authorization code, or throws with the reason the response was rejected. */
    String validate(FlowStep step, URI callback, String expectedState, AuthorizationServer as) throws FlowException {
        Map<String, List<String>> params = query(callback);
        for (String name : List.of("code", "state", "iss", "error")) {
            if (params.getOrDefault(name, List.of()).size() > 1) {
                trace.raise(step, OAuthFinding.fail("OAUTH-026", step.kind(), "The callback repeats the " + name + " parameter", ""));
                throw trace.fail(step, "the callback repeats the " + name + " parameter; rejected");
            }
        }
        checkIssuer(step, params, as);
        String state = first(params, "state");
        if (state == null || !state.equals(expectedState)) {
            trace.raise(step, OAuthFinding.fail("OAUTH-026", step.kind(), "The callback's state does not match the request's",
                    state == null ? "state missing" : "state differs"));
            throw trace.fail(step, "state mismatch: the callback was not an answer to this request; rejected");
        }
        String error = first(params, "error");
        if (error != null) {
            String description = first(params, "error_description");
            throw trace.fail(step, "the authorization server refused: " + Registrar.oneLine(error)
                    + (description == null ? "" : " (" + Registrar.oneLine(description) + ")"));
        }
        String code = first(params, "code");
        if (code == null || code.isEmpty()) {
            throw trace.fail(step, "the callback carries no authorization code");
        }
        step.output("code", dev.mcpworkbench.oauth.http.SecretMasker.mask(code));
        return code;
    }

    private void checkIssuer(FlowStep step, Map<String, List<String>> params, AuthorizationServer as) throws FlowException {
        String iss = first(params, "iss");
        boolean advertised = as.advertisesIssParameter();
        step.output("iss", iss == null ? "(absent)" : iss);
        if (iss == null && advertised) {
            trace.raise(step, OAuthFinding.fail("OAUTH-018", step.kind(),
                    "The authorization server advertises the iss parameter but the callback has none", ""));
            throw trace.fail(step, "iss missing although the authorization server advertises it; rejected");
        }
        if (iss != null && !iss.equals(as.issuer())) {
            trace.raise(step, OAuthFinding.fail("OAUTH-018", step.kind(), "The callback's iss is not the issuer",
                    "expected " + as.issuer() + ", got " + iss));
            throw trace.fail(step, "iss mismatch (expected " + as.issuer() + ", got " + iss + "); rejected, error fields not shown");
        }
        if (iss == null) {
            trace.raise(step, OAuthFinding.warn("OAUTH-018", step.kind(),
                    "The authorization server neither advertises nor sends iss: mix-up attacks go undetected", ""));
        }
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
