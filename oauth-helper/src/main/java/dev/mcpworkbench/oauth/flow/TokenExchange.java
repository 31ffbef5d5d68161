package dev.mcpworkbench.oauth.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.dpop.DPoPBinding;
import dev.mcpworkbench.oauth.dpop.DPoPNonceDemand;
import dev.mcpworkbench.oauth.dpop.DPoPProofs;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.ClientKey;
import dev.mcpworkbench.oauth.registration.ClientRegistration;
import dev.mcpworkbench.oauth.registration.TokenEndpointAuth;
import dev.mcpworkbench.oauth.token.TokenInspector;
import dev.mcpworkbench.oauth.token.TokenSet;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Steps 7 and refresh: token requests through Nimbus, sent by the recording client, checked (OAUTH-025, 027).
 * The grants: authorization code, refresh, client credentials and JWT bearer (RFC 7523 section 2.1).
 */
final class TokenExchange {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RecordingHttpClient http;
    private final FlowTrace trace;
    /** Signs the client assertion when the client authenticates with private_key_jwt; null otherwise. */
    private final ClientKey clientKey;
    /** The session's DPoP key when tokens are to be bound to it (RFC 9449); null for Bearer tokens. */
    private final DPoPProofs dpop;

    TokenExchange(RecordingHttpClient http, FlowTrace trace, ClientKey clientKey, DPoPProofs dpop) {
        this.http = http;
        this.trace = trace;
        this.clientKey = clientKey;
        this.dpop = dpop;
    }

    TokenSet redeem(AuthorizationServer as, ClientRegistration client, String code, CodeVerifier verifier, URI resource,
                    Set<String> requestedScopes) throws FlowException {
        FlowStep step = trace.start(StepKind.TOKEN_REQUEST);
        step.input("token_endpoint", String.valueOf(as.metadata().getTokenEndpointURI()));
        step.input("resource", resource.toString());
        AuthorizationGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), client.redirectUri(), verifier);
        TokenSet tokens = request(step, as, client, grant, resource, requestedScopes, null);
        trace.pass(step);
        return tokens;
    }

    /** The client credentials grant (RFC 6749 4.4): the client authenticates and asks for the scopes itself. */
    TokenSet clientCredentials(AuthorizationServer as, ClientRegistration client, URI resource, Set<String> requestedScopes)
            throws FlowException {
        FlowStep step = trace.start(StepKind.TOKEN_REQUEST);
        step.input("token_endpoint", String.valueOf(as.metadata().getTokenEndpointURI()));
        step.input("grant_type", "client_credentials");
        step.input("resource", resource.toString());
        TokenSet tokens = request(step, as, client, new ClientCredentialsGrant(), resource, requestedScopes, null);
        trace.pass(step);
        return tokens;
    }

    /**
     * The JWT bearer grant (RFC 7523 section 2.1): {@code assertion} (a workload identity token, or an ID-JAG)
     * is the grant. A refusal is final: the flow neither retries nor falls back to another grant.
     */
    TokenSet jwtBearer(AuthorizationServer as, ClientRegistration client, String assertion, URI resource,
                       Set<String> requestedScopes) throws FlowException {
        FlowStep step = trace.start(StepKind.TOKEN_REQUEST);
        step.input("token_endpoint", String.valueOf(as.metadata().getTokenEndpointURI()));
        step.input("grant_type", GrantType.JWT_BEARER.getValue());
        step.input("resource", resource.toString());
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(assertion.strip());
        } catch (ParseException e) {
            throw trace.fail(step, "the assertion is not a signed JWT: " + e.getMessage());
        }
        step.input("assertion", describe(jwt));
        TokenSet tokens = request(step, as, client, new JWTBearerGrant(jwt), resource, requestedScopes, null);
        trace.pass(step);
        return tokens;
    }

    /** An assertion's issuer, subject and audience (not its signature): enough to see which JWT was sent. */
    static String describe(SignedJWT jwt) {
        try {
            var claims = jwt.getJWTClaimsSet();
            return "JWT from " + claims.getIssuer() + " about " + claims.getSubject() + " for " + claims.getAudience()
                    + (jwt.getHeader().getType() == null ? "" : " (typ " + jwt.getHeader().getType() + ")");
        } catch (ParseException e) {
            return "JWT with unreadable claims";
        }
    }

    TokenSet refresh(AuthorizationServer as, ClientRegistration client, TokenSet current, URI resource,
                     Set<String> requestedScopes) throws FlowException {
        FlowStep step = trace.start(StepKind.REFRESH);
        step.input("token_endpoint", String.valueOf(as.metadata().getTokenEndpointURI()));
        step.input("resource", resource.toString());
        AuthorizationGrant grant = new RefreshTokenGrant(new RefreshToken(current.refreshToken()));
        TokenSet fresh = request(step, as, client, grant, resource, requestedScopes, current);
        step.output("refresh token rotated", String.valueOf(fresh.hasRefreshToken()
                && !fresh.refreshToken().equals(current.refreshToken())));
        trace.pass(step);
        return current.refreshedWith(fresh);
    }

    private TokenSet request(FlowStep step, AuthorizationServer as, ClientRegistration client, AuthorizationGrant grant,
                             URI resource, Set<String> requestedScopes, TokenSet previous) throws FlowException {
        URI endpoint = as.metadata().getTokenEndpointURI();
        TokenRequest.Builder builder = client.clientId() == null ? new TokenRequest.Builder(endpoint, grant) : switch (client.authMethod()) {
            case TokenEndpointAuth.BASIC -> new TokenRequest.Builder(endpoint,
                    new ClientSecretBasic(new ClientID(client.clientId()), new Secret(secret(client))), grant);
            case TokenEndpointAuth.POST -> new TokenRequest.Builder(endpoint,
                    new ClientSecretPost(new ClientID(client.clientId()), new Secret(secret(client))), grant);
            // The assertion's audience is the issuer, which every authorization server accepts (RFC 7523bis).
            case TokenEndpointAuth.PRIVATE_KEY_JWT -> new TokenRequest.Builder(endpoint,
                    key(step).authentication(client.clientId(), URI.create(as.issuer())), grant);
            default -> new TokenRequest.Builder(endpoint, new ClientID(client.clientId()), grant);
        };
        builder.resource(resource);
        // With the authorization code the scopes travel in the authorization request; these grants have none.
        if ((grant instanceof ClientCredentialsGrant || grant instanceof JWTBearerGrant) && !requestedScopes.isEmpty()) {
            builder.scope(new Scope(requestedScopes.toArray(String[]::new)));
        }
        step.input("client authentication", client.authMethod());
        HTTPRequest httpRequest = builder.build().toHTTPRequest();
        HttpExchange answer = send(step, httpRequest);
        if (dpop != null) {
            step.input(DPoPBinding.KEY_INPUT, dpop.thumbprint());
            noteAlgorithms(step, as);
            Optional<String> nonce = DPoPNonceDemand.fromTokenEndpoint(answer);
            // RFC 9449 section 8: the server wants its nonce in the proof; one retry with it, never a loop.
            if (nonce.isPresent() && dpop.rememberNonce(endpoint, nonce.get())) {
                step.note("The authorization server demanded a DPoP nonce (use_dpop_nonce): token request sent again with it");
                answer = send(step, httpRequest);
            }
            // A nonce handed out with any answer is the one the next token request (a refresh) carries.
            answer.responseHeader("DPoP-Nonce").ifPresent(n -> dpop.rememberNonce(endpoint, n));
        }
        return parse(step, answer, as, resource, requestedScopes);
    }

    /** RFC 9449 section 5.1: what the server advertises against the one algorithm the workbench signs with. */
    private static void noteAlgorithms(FlowStep step, AuthorizationServer as) {
        List<String> algs = as.dpopSigningAlgorithms();
        if (algs.isEmpty()) {
            step.note("The authorization server does not advertise dpop_signing_alg_values_supported: the proof is sent anyway");
        } else if (!algs.contains(DPoPProofs.ALGORITHM)) {
            step.note("The authorization server lists DPoP algorithms " + algs + " without " + DPoPProofs.ALGORITHM
                    + ", the one the workbench signs with: it may refuse the proof");
        }
    }

    /** Sends the token request, with a fresh DPoP proof when tokens are to be bound; the step records the exchange. */
    private HttpExchange send(FlowStep step, HTTPRequest request) throws FlowException {
        if (dpop != null) {
            request.setHeader("DPoP", dpop.proof(request.getMethod().name(), request.getURI()));
        }
        try {
            request.send(http.nimbusSender(trace.sink(step)));
        } catch (IOException e) {
            throw trace.fail(step, "the token endpoint did not answer: " + e.getMessage());
        }
        List<HttpExchange> exchanges = step.exchanges();
        return exchanges.get(exchanges.size() - 1);
    }

    private ClientKey key(FlowStep step) throws FlowException {
        if (clientKey == null) throw trace.fail(step, "private_key_jwt needs the client's private key");
        return clientKey;
    }

    private static String secret(ClientRegistration client) {
        return client.clientSecret() == null ? "" : client.clientSecret();
    }

    private TokenSet parse(FlowStep step, HttpExchange exchange, AuthorizationServer as, URI resource,
                           Set<String> requestedScopes) throws FlowException {
        JsonNode body;
        try {
            body = MAPPER.readTree(exchange.responseBody());
        } catch (Exception e) {
            body = null;
        }
        if (exchange.status() / 100 != 2) {
            throw trace.fail(step, "token request refused with " + exchange.status() + Registrar.errorSuffix(exchange.responseBody()));
        }
        checkHygiene(step, exchange, body);
        if (body == null || !body.isObject() || !body.hasNonNull("access_token")) {
            throw trace.fail(step, "the token response has no access_token");
        }
        String type = body.path("token_type").asText("");
        boolean dpopType = type.equalsIgnoreCase("DPoP");
        if (dpopType && dpop == null) {
            throw trace.fail(step, "token_type DPoP, but no DPoP proof was sent: the token is bound to a key this client does not hold");
        }
        if (!type.isEmpty() && !dpopType && !type.toLowerCase(Locale.ROOT).equals("bearer")) {
            throw trace.fail(step, "unsupported token_type " + Registrar.oneLine(type) + " (only Bearer and DPoP)");
        }
        if (dpop != null && !dpopType) {
            step.note("A DPoP proof was sent but the authorization server issued a " + (type.isEmpty() ? "Bearer" : Registrar.oneLine(type))
                    + " token: it is sent as Bearer, unbound");
        }
        Set<String> granted = new LinkedHashSet<>();
        if (body.hasNonNull("scope")) {
            for (String s : body.get("scope").asText().trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    granted.add(s);
                }
            }
        } else {
            granted.addAll(requestedScopes);
        }
        Instant now = Instant.now();
        Instant expiresAt = body.path("expires_in").canConvertToLong() ? now.plusSeconds(body.get("expires_in").asLong()) : null;
        String refresh = body.hasNonNull("refresh_token") ? body.get("refresh_token").asText() : null;
        TokenSet tokens = new TokenSet(body.get("access_token").asText(), type.isEmpty() ? "Bearer" : type, refresh, granted,
                expiresAt, now);
        step.output("access_token", tokens.toString());
        if (tokens.dpopBound()) {
            step.output("token binding", DPoPBinding.describe(tokens.accessToken(), dpop.thumbprint()));
        }
        TokenInspector.check(tokens.accessToken(), as.issuer(), resource.toString(), requestedScopes, step.kind())
                .forEach(f -> trace.raise(step, f));
        return tokens;
    }

    private void checkHygiene(FlowStep step, HttpExchange exchange, JsonNode body) {
        String cacheControl = String.join(",", exchange.responseHeaders("Cache-Control")).toLowerCase(Locale.ROOT);
        if (!cacheControl.contains("no-store")) {
            trace.raise(step, OAuthFinding.fail("OAUTH-025", step.kind(), "The token response lacks Cache-Control: no-store",
                    cacheControl.isEmpty() ? "no Cache-Control header" : "Cache-Control: " + cacheControl));
        }
        String type = exchange.responseHeader("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json") || body == null) {
            trace.raise(step, OAuthFinding.fail("OAUTH-025", step.kind(), "The token response is not JSON", type));
        } else if (!body.hasNonNull("access_token") || !body.hasNonNull("token_type")) {
            trace.raise(step, OAuthFinding.fail("OAUTH-025", step.kind(), "The token response lacks access_token or token_type", ""));
        }
    }
}
