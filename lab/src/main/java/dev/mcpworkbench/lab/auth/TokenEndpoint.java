package dev.mcpworkbench.lab.auth;

import com.sun.net.httpserver.HttpExchange;
import dev.mcpworkbench.lab.server.HttpResponses;
import dev.mcpworkbench.lab.server.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The token endpoint: authorization_code (with PKCE) and refresh_token grants, and the machine grants of
 * {@link MachineGrants} and {@link IdJagIssuer}; four client authentication methods (none, client_secret_basic,
 * client_secret_post, private_key_jwt); and DPoP: a valid proof binds the tokens to its key (cnf.jkt,
 * token_type DPoP), a broken one is refused, and the server's nonce is demanded when the policy says so.
 */
final class TokenEndpoint {

    static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final LabAuthorizationServer as;

    TokenEndpoint(LabAuthorizationServer as) {
        this.as = as;
    }

    void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            OAuthErrors.json(exchange, 405, "invalid_request", "POST only");
            return;
        }
        Map<String, String> form = Forms.body(exchange);
        String grantType = form.getOrDefault("grant_type", "");
        if (grantType.equals(MachineGrants.JWT_BEARER) && unidentified(exchange, form)) {
            // RFC 7523 section 3.1: the assertion may be the only credential (a workload identity).
            new MachineGrants(as, this, null).jwtBearer(exchange, form, null);
            return;
        }
        Optional<RegisteredClient> client;
        try {
            client = authenticate(exchange, form);
        } catch (AssertionVerifier.Refused e) {
            OAuthErrors.json(exchange, 401, "invalid_client", "client assertion refused: " + e.getMessage());
            return;
        }
        if (client.isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"lab\"");
            OAuthErrors.json(exchange, 401, "invalid_client", "client authentication failed");
            return;
        }
        DPoPProofCheck.Outcome proof = as.dpop().tokenRequest(exchange, as.tokenEndpoint(), client.get().clientId());
        String jkt = null;
        switch (proof) {
            case DPoPProofCheck.Invalid invalid -> {
                OAuthErrors.json(exchange, 400, "invalid_dpop_proof", invalid.reason());
                return;
            }
            case DPoPProofCheck.NonceNeeded needed -> {
                exchange.getResponseHeaders().set("DPoP-Nonce", needed.nonce());
                OAuthErrors.json(exchange, 400, "use_dpop_nonce", "the DPoP proof must carry the server's nonce");
                return;
            }
            case DPoPProofCheck.Valid valid -> jkt = valid.jkt();
            case DPoPProofCheck.Absent absent -> { }
        }
        switch (grantType) {
            case "authorization_code" -> authorizationCode(exchange, form, client.get(), jkt);
            case "refresh_token" -> refresh(exchange, form, client.get(), jkt);
            case "client_credentials" -> new MachineGrants(as, this, jkt).clientCredentials(exchange, form, client.get());
            case MachineGrants.JWT_BEARER -> new MachineGrants(as, this, jkt).jwtBearer(exchange, form, client.get());
            case IdJagIssuer.TOKEN_EXCHANGE -> new IdJagIssuer(as).exchange(exchange, form, client.get());
            default -> OAuthErrors.json(exchange, 400, "unsupported_grant_type", "use authorization_code, refresh_token, "
                    + "client_credentials, " + MachineGrants.JWT_BEARER + " or " + IdJagIssuer.TOKEN_EXCHANGE);
        }
    }

    /** No client id, no Authorization header, no client assertion. */
    private static boolean unidentified(HttpExchange exchange, Map<String, String> form) {
        return form.get("client_id") == null && form.get("client_assertion") == null
                && exchange.getRequestHeaders().getFirst("Authorization") == null;
    }

    /** What a client assertion's aud may name: this server's issuer or its token endpoint. */
    List<String> audiences() {
        String issuer = as.issuer().toString();
        return List.of(issuer, issuer + "/", issuer + "/token");
    }

    /** client_secret_basic, client_secret_post, private_key_jwt, or none for public clients. */
    private Optional<RegisteredClient> authenticate(HttpExchange exchange, Map<String, String> form) throws AssertionVerifier.Refused {
        String clientId = form.get("client_id");
        if (form.containsKey("client_assertion") || form.containsKey("client_assertion_type")) {
            if (!CLIENT_ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
                throw new AssertionVerifier.Refused("client_assertion_type must be " + CLIENT_ASSERTION_TYPE);
            }
            String issuer = as.assertions().clientAssertion(form.get("client_assertion"), audiences()).getIssuer();
            if (clientId != null && !clientId.equals(issuer)) throw new AssertionVerifier.Refused("client_id is not the assertion's iss");
            try {
                return as.clients().find(issuer, false).filter(c -> "private_key_jwt".equals(c.authMethod()));
            } catch (CimdFetcher.CimdException e) {
                return Optional.empty();
            }
        }
        String secret = form.get("client_secret");
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                clientId = java.net.URLDecoder.decode(decoded.substring(0, Math.max(colon, 0)), StandardCharsets.UTF_8);
                secret = java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                return Optional.empty();
            }
        }
        Optional<RegisteredClient> client;
        try {
            client = as.clients().find(clientId, false);
        } catch (CimdFetcher.CimdException e) {
            return Optional.empty();
        }
        String presented = secret;
        return client.filter(c -> c.isPublic() ? presented == null : c.secret() != null && MessageDigest.isEqual(
                c.secret().getBytes(StandardCharsets.UTF_8), String.valueOf(presented).getBytes(StandardCharsets.UTF_8)));
    }

    private void authorizationCode(HttpExchange exchange, Map<String, String> form, RegisteredClient client, String jkt) throws IOException {
        boolean lax = as.has(Misbehaviour.REUSABLE_CODE);
        GrantStore.Code code = as.grants().redeem(form.get("code"), lax);
        if (code == null) {
            OAuthErrors.json(exchange, 400, "invalid_grant", "unknown, expired or already used code");
            return;
        }
        GrantStore.Request request = code.request();
        if (!lax && (!request.clientId().equals(client.clientId()) || !request.redirectUri().equals(form.get("redirect_uri")))) {
            OAuthErrors.json(exchange, 400, "invalid_grant", "code was issued to another client or redirect_uri");
            return;
        }
        if (!pkceSatisfied(request, form.get("code_verifier"))) {
            OAuthErrors.json(exchange, 400, "invalid_grant", "code_verifier does not match the code_challenge");
            return;
        }
        String resource = form.getOrDefault("resource", request.resource());
        if (request.resource() != null && !request.resource().equals(resource) && !as.has(Misbehaviour.RESOURCE_IGNORED)) {
            OAuthErrors.json(exchange, 400, "invalid_target", "resource differs from the authorization request");
            return;
        }
        issue(exchange, new GrantStore.Refresh(client.clientId(), request.scopes(), resource, code.subject(), jkt), null, true);
    }

    private static boolean pkceSatisfied(GrantStore.Request request, String verifier) {
        if (request.codeChallenge() == null) {
            return true; // only reachable when PKCE is optional
        }
        if (verifier == null) {
            return false;
        }
        String expected = "S256".equals(request.challengeMethod()) ? s256(verifier) : verifier;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), request.codeChallenge().getBytes(StandardCharsets.US_ASCII));
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void refresh(HttpExchange exchange, Map<String, String> form, RegisteredClient client, String jkt) throws IOException {
        boolean rotate = !as.has(Misbehaviour.NO_REFRESH_ROTATION);
        String presented = form.get("refresh_token");
        GrantStore.Refresh grant = as.grants().useRefresh(presented, rotate);
        if (grant == null || !grant.clientId().equals(client.clientId())) {
            OAuthErrors.json(exchange, 400, "invalid_grant", "unknown or already used refresh token");
            return;
        }
        // RFC 9449 section 5: a refresh token issued with a DPoP-bound token is bound to the same key.
        if (grant.dpopJkt() != null && !grant.dpopJkt().equals(jkt)) {
            OAuthErrors.json(exchange, 400, "invalid_grant", "the refresh token is bound to a DPoP key this request does not prove");
            return;
        }
        issue(exchange, grant, rotate ? null : presented, true);
    }

    /**
     * Writes the token response; {@code keptRefreshToken} is handed back unchanged when rotation is off.
     * Machine grants get no refresh token ({@code withRefresh} false): the client can repeat the grant.
     */
    void issue(HttpExchange exchange, GrantStore.Refresh grant, String keptRefreshToken, boolean withRefresh) throws IOException {
        Duration ttl = as.has(Misbehaviour.LONG_LIVED_TOKENS) ? TokenService.LONG_TTL : TokenService.ACCESS_TOKEN_TTL;
        String audience = grant.resource() == null || as.has(Misbehaviour.RESOURCE_IGNORED) ? as.issuer().toString() : grant.resource();
        String accessToken = as.tokens().mint(grant.subject(), grant.clientId(), List.of(audience), grant.scopes(), ttl, grant.dpopJkt());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", grant.dpopJkt() != null ? "DPoP" : "Bearer");
        body.put("expires_in", ttl.toSeconds());
        if (withRefresh) body.put("refresh_token", keptRefreshToken != null ? keptRefreshToken : as.grants().issueRefresh(grant));
        body.put("scope", String.join(" ", grant.scopes()));
        if (!as.has(Misbehaviour.NO_STORE_MISSING)) {
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("Pragma", "no-cache");
        }
        HttpResponses.json(exchange, 200, Json.write(body));
    }
}
