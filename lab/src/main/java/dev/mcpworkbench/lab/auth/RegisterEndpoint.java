package dev.mcpworkbench.lab.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.mcpworkbench.lab.server.HttpResponses;
import dev.mcpworkbench.lab.server.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dynamic client registration (RFC 7591). By default it needs the initial access token and gives
 * native clients no secret; {@link Misbehaviour#OPEN_DCR} opens it to anyone and hands every
 * client a secret.
 */
final class RegisterEndpoint {

    private static final int MAX_BODY = 16 * 1024;

    private final LabAuthorizationServer as;

    RegisterEndpoint(LabAuthorizationServer as) {
        this.as = as;
    }

    void register(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            OAuthErrors.json(exchange, 405, "invalid_request", "POST only");
            return;
        }
        boolean open = as.has(Misbehaviour.OPEN_DCR);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (!open && !("Bearer " + as.clients().initialAccessToken()).equals(auth)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            OAuthErrors.json(exchange, 401, "invalid_token", "registration needs the initial access token");
            return;
        }
        byte[] body = HttpResponses.readBody(exchange, MAX_BODY);
        JsonNode request;
        try {
            request = body == null ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            OAuthErrors.json(exchange, 400, "invalid_client_metadata", "body must be a JSON object of client metadata");
            return;
        }
        List<String> redirects = new ArrayList<>();
        request.path("redirect_uris").forEach(n -> redirects.add(n.asText()));
        if (redirects.isEmpty()) {
            OAuthErrors.json(exchange, 400, "invalid_redirect_uri", "redirect_uris is required");
            return;
        }
        String applicationType = request.path("application_type").asText("web");
        String method = request.path("token_endpoint_auth_method").asText("native".equals(applicationType) ? "none" : "client_secret_basic");
        if (open) {
            method = "client_secret_basic";
        }
        String clientId = "dcr-" + ClientRegistry.randomToken().substring(0, 16);
        String secret = "none".equals(method) ? null : ClientRegistry.randomToken();
        String name = request.path("client_name").asText(clientId);
        as.clients().register(new RegisteredClient(clientId, secret, List.copyOf(redirects), method, applicationType, name, false));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("client_id", clientId);
        if (secret != null) {
            response.put("client_secret", secret);
            response.put("client_secret_expires_at", 0);
        }
        response.put("client_id_issued_at", Instant.now().getEpochSecond());
        response.put("client_name", name);
        response.put("redirect_uris", redirects);
        response.put("token_endpoint_auth_method", method);
        response.put("application_type", applicationType);
        response.put("grant_types", List.of("authorization_code", "refresh_token"));
        response.put("response_types", List.of("code"));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        HttpResponses.json(exchange, 201, Json.write(response));
    }
}
