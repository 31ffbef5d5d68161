package dev.mcpworkbench.lab.auth;

import com.sun.net.httpserver.HttpExchange;
import dev.mcpworkbench.lab.server.HttpResponses;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The authorization endpoint: validates the request, then shows the consent page (or approves at
 * once with auto-approve) and redirects back with code, state and iss.
 */
final class AuthorizeEndpoint {

    static final String SUBJECT = "lab-user";
    static final String DEFAULT_SCOPE = "notes:read";

    private final LabAuthorizationServer as;

    AuthorizeEndpoint(LabAuthorizationServer as) {
        this.as = as;
    }

    void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> params = Forms.query(exchange);
        Optional<RegisteredClient> client;
        try {
            client = as.clients().find(params.get("client_id"), as.cimdSupported());
        } catch (CimdFetcher.CimdException e) {
            ConsentPage.error(exchange, "This client cannot be used: " + e.getMessage());
            return;
        }
        if (client.isEmpty()) {
            ConsentPage.error(exchange, "Unknown client_id.");
            return;
        }
        RegisteredClient c = client.get();
        String redirectUri = params.getOrDefault("redirect_uri", c.redirectUris().size() == 1 ? c.redirectUris().get(0) : null);
        if (!c.anyRedirect() && !RedirectMatcher.matches(c.redirectUris(), redirectUri, as.has(Misbehaviour.REDIRECT_PREFIX_MATCH))) {
            ConsentPage.error(exchange, "The redirect_uri is not registered for this client.");
            return;
        }
        as.clients().register(c);
        String state = params.get("state");
        String problem = problem(params);
        if (problem != null) {
            String[] parts = problem.split(":", 2);
            redirect(exchange, redirectUri, Map.of("error", parts[0], "error_description", parts[1]), state);
            return;
        }
        GrantStore.Request request = new GrantStore.Request(c.clientId(), redirectUri, state, scopes(params.get("scope")),
                params.get("resource"), params.get("code_challenge"), params.getOrDefault("code_challenge_method", "plain"));
        if (as.settings().autoApprove()) {
            approve(exchange, request);
        } else {
            ConsentPage.show(exchange, as.issuer() + "/authorize/decision", as.grants().awaitConsent(request), c, request);
        }
    }

    /** "error:description" for a request that must be refused with a redirect, or null. */
    private String problem(Map<String, String> params) {
        if (!"code".equals(params.get("response_type"))) {
            return "unsupported_response_type:only response_type=code is supported";
        }
        String challenge = params.get("code_challenge");
        String method = params.getOrDefault("code_challenge_method", "plain");
        if (challenge == null && !as.has(Misbehaviour.PKCE_OPTIONAL)) {
            return "invalid_request:code_challenge is required (PKCE with S256)";
        }
        if (challenge != null && !"S256".equals(method) && !("plain".equals(method) && as.has(Misbehaviour.PKCE_PLAIN))) {
            return "invalid_request:code_challenge_method must be S256";
        }
        String resource = params.get("resource");
        if (resource != null && !as.has(Misbehaviour.RESOURCE_IGNORED)
                && as.settings().resources().stream().map(URI::toString).noneMatch(resource::equals)) {
            return "invalid_target:unknown resource " + resource;
        }
        Set<String> unknown = new LinkedHashSet<>(scopes(params.get("scope")));
        unknown.removeAll(as.settings().scopes());
        if (!unknown.isEmpty()) {
            return "invalid_scope:unknown scope " + String.join(" ", unknown);
        }
        return null;
    }

    private static Set<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of(DEFAULT_SCOPE);
        }
        return new LinkedHashSet<>(List.of(scope.trim().split("\\s+")));
    }

    void decide(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpResponses.send(exchange, 405, "text/plain", "POST only");
            return;
        }
        Map<String, String> form = Forms.body(exchange);
        GrantStore.Request request = as.grants().takePending(form.get("transaction"));
        if (request == null) {
            ConsentPage.error(exchange, "This authorization request has expired or was already answered.");
            return;
        }
        if ("approve".equals(form.get("decision"))) {
            approve(exchange, request);
        } else {
            redirect(exchange, request.redirectUri(), Map.of("error", "access_denied", "error_description", "the user denied access"), request.state());
        }
    }

    private void approve(HttpExchange exchange, GrantStore.Request request) throws IOException {
        String code = as.grants().issueCode(request, SUBJECT);
        redirect(exchange, request.redirectUri(), Map.of("code", code), request.state());
    }

    private void redirect(HttpExchange exchange, String redirectUri, Map<String, String> result, String state) throws IOException {
        Map<String, String> params = new LinkedHashMap<>(result);
        if (state != null && !as.has(Misbehaviour.STATE_NOT_ECHOED)) {
            params.put("state", state);
        }
        if (as.has(Misbehaviour.WRONG_ISS)) {
            params.put("iss", as.issuer() + "/other");
        } else if (!as.has(Misbehaviour.NO_ISS)) {
            params.put("iss", as.issuer().toString());
        }
        String location = redirectUri + (redirectUri.contains("?") ? "&" : "?") + Forms.encode(params);
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        HttpResponses.empty(exchange, 302);
    }
}
