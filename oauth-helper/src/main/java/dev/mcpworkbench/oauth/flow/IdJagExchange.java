package dev.mcpworkbench.oauth.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.http.SecretMasker;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Set;

/**
 * Enterprise-managed authorization, first half: at the enterprise identity provider, exchange the
 * user's ID token for an Identity Assertion JWT Authorization Grant (ID-JAG) addressed to the MCP
 * server's authorization server (RFC 8693 token exchange). The second half is the JWT bearer grant
 * at that authorization server ({@link TokenExchange#jwtBearer}).
 */
final class IdJagExchange {

    static final String ID_JAG = "urn:ietf:params:oauth:token-type:id-jag";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RecordingHttpClient http;
    private final FlowTrace trace;

    IdJagExchange(RecordingHttpClient http, FlowTrace trace) {
        this.http = http;
        this.trace = trace;
    }

    /** The ID-JAG for {@code as} and {@code resource}; fails the step when the identity provider refuses. */
    String exchange(AssertionOptions.IdJag idp, AuthorizationServer as, URI resource, Set<String> scopes) throws FlowException {
        FlowStep step = trace.start(StepKind.TOKEN_EXCHANGE);
        step.input("token_endpoint", idp.tokenEndpoint().toString());
        step.input("audience", as.issuer());
        step.input("resource", resource.toString());
        String idToken;
        try {
            idToken = idp.idToken().get().strip();
        } catch (RuntimeException e) {
            throw trace.fail(step, "cannot read the ID token: " + e.getMessage());
        }
        step.input("subject_token", SecretMasker.mask(idToken));
        // The authorization server's issuer is the ID-JAG's audience; the MCP server is its resource.
        TokenExchangeGrant grant = new TokenExchangeGrant(new TypelessAccessToken(idToken), TokenTypeURI.ID_TOKEN,
                null, null, tokenType(ID_JAG), List.of(new Audience(as.issuer())));
        ClientID clientId = idp.clientId() == null ? null : new ClientID(idp.clientId());
        TokenRequest.Builder builder = clientId == null ? new TokenRequest.Builder(idp.tokenEndpoint(), grant)
                : idp.clientSecret() == null ? new TokenRequest.Builder(idp.tokenEndpoint(), clientId, grant)
                : new TokenRequest.Builder(idp.tokenEndpoint(), new ClientSecretBasic(clientId, new Secret(idp.clientSecret())), grant);
        builder.resource(resource);
        if (!scopes.isEmpty()) builder.scope(new Scope(scopes.toArray(String[]::new)));
        try {
            builder.build().toHTTPRequest().send(http.nimbusSender(trace.sink(step)));
        } catch (IOException e) {
            throw trace.fail(step, "the identity provider's token endpoint did not answer: " + e.getMessage());
        }
        List<HttpExchange> exchanges = step.exchanges();
        HttpExchange answer = exchanges.get(exchanges.size() - 1);
        if (answer.status() / 100 != 2) {
            throw trace.fail(step, "the identity provider refused the token exchange with " + answer.status()
                    + Registrar.errorSuffix(answer.responseBody()));
        }
        String idJag = idJag(step, answer);
        trace.pass(step);
        return idJag;
    }

    private static TokenTypeURI tokenType(String uri) {
        try {
            return TokenTypeURI.parse(uri);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private String idJag(FlowStep step, HttpExchange answer) throws FlowException {
        JsonNode body;
        try {
            body = MAPPER.readTree(answer.responseBody());
        } catch (IOException e) {
            throw trace.fail(step, "the token exchange response is not JSON");
        }
        String issuedType = body.path("issued_token_type").asText("");
        if (!ID_JAG.equals(issuedType)) {
            throw trace.fail(step, "the identity provider issued " + (issuedType.isEmpty() ? "no issued_token_type" : Registrar.oneLine(issuedType))
                    + ", not an ID-JAG (" + ID_JAG + ")");
        }
        String token = body.path("access_token").asText("");
        try {
            step.output("id-jag", TokenExchange.describe(SignedJWT.parse(token)));
        } catch (ParseException e) {
            throw trace.fail(step, "the ID-JAG is not a signed JWT: " + e.getMessage());
        }
        return token;
    }
}
