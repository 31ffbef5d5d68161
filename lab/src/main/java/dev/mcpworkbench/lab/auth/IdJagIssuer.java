package dev.mcpworkbench.lab.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import dev.mcpworkbench.lab.server.HttpResponses;
import dev.mcpworkbench.lab.server.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The lab playing an enterprise identity provider (SEP-990): the token exchange (RFC 8693) of an ID
 * token it issued to the requesting client for an Identity Assertion JWT Authorization Grant (ID-JAG)
 * addressed to another authorization server ({@code audience}) for one resource, naming the client.
 * The other server trusts this one's signing key ({@link AssertionVerifier#trustIssuer}).
 */
final class IdJagIssuer {

    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
    static final String ID_JAG = "urn:ietf:params:oauth:token-type:id-jag";
    static final Duration TTL = Duration.ofMinutes(5);

    private final LabAuthorizationServer as;

    IdJagIssuer(LabAuthorizationServer as) {
        this.as = as;
    }

    void exchange(HttpExchange exchange, Map<String, String> form, RegisteredClient client) throws IOException {
        if (!ID_TOKEN.equals(form.get("subject_token_type")) || !ID_JAG.equals(form.get("requested_token_type"))) {
            OAuthErrors.json(exchange, 400, "invalid_request", "exchange an " + ID_TOKEN + " for an " + ID_JAG);
            return;
        }
        String audience = form.get("audience");
        if (audience == null || audience.isBlank()) {
            OAuthErrors.json(exchange, 400, "invalid_request", "audience (the authorization server's issuer) is required");
            return;
        }
        JWTClaimsSet idToken;
        try {
            idToken = as.tokens().verifyIdToken(form.get("subject_token"), client.clientId());
        } catch (TokenService.InvalidTokenException e) {
            OAuthErrors.json(exchange, 400, "invalid_grant", e.getMessage());
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(as.issuer().toString()).subject(idToken.getSubject())
                .audience(audience).claim("client_id", client.clientId())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(TTL))).jwtID(UUID.randomUUID().toString());
        if (form.get("resource") != null) claims.claim("resource", form.get("resource"));
        if (form.get("scope") != null) claims.claim("scope", form.get("scope"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", as.tokens().sign(claims.build(), MachineGrants.ID_JAG_TYPE));
        body.put("issued_token_type", ID_JAG);
        body.put("token_type", "N_A");
        body.put("expires_in", TTL.toSeconds());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        HttpResponses.json(exchange, 200, Json.write(body));
    }
}
