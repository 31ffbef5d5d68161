package dev.mcpworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpworkbench.lab.auth.AsSettings;
import dev.mcpworkbench.lab.auth.ClientRegistry;
import dev.mcpworkbench.lab.auth.LabAuthorizationServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The machine grants of the lab's authorization server, driven over HTTP with hand-made assertions. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MachineGrantsTest {

    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private RunningLab lab;
    private OAuthDriver d;
    private LabAuthorizationServer as;
    private ECKey clientKey;

    @BeforeEach
    void start() throws Exception {
        lab = Lab.start(LabSpec.secure().withAuth());
        d = new OAuthDriver(lab);
        as = lab.authorizationServer().orElseThrow();
        clientKey = new ECKeyGenerator(Curve.P_256).generate();
        as.registerKeyClient("machine", clientKey.toPublicJWK());
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private static String sign(ECKey key, String type, UnaryOperator<JWTClaimsSet.Builder> claims) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder base = new JWTClaimsSet.Builder().issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120))).jwtID(UUID.randomUUID().toString());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(type)).build(),
                claims.apply(base).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private String clientAssertion(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return sign(clientKey, "JWT", b -> change.apply(b.issuer("machine").subject("machine").audience(d.issuer())));
    }

    private HttpResponse<String> clientCredentials(String assertion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", ASSERTION_TYPE);
        form.put("client_assertion", assertion);
        form.put("resource", lab.mcpUrl().toString());
        return d.token(form);
    }

    private static String error(HttpResponse<String> response) {
        JsonNode body = OAuthDriver.json(response.body());
        return body.path("error").asText() + ": " + body.path("error_description").asText();
    }

    @Test
    void aGoodClientAssertionGetsATokenWithoutRefreshAndCannotBeReplayed() throws Exception {
        String assertion = clientAssertion(b -> b);

        HttpResponse<String> first = clientCredentials(assertion);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode body = OAuthDriver.json(first.body());
        assertThat(OAuthDriver.claims(body.path("access_token").asText()).path("sub").asText()).isEqualTo("machine");
        assertThat(body.has("refresh_token")).as("a machine grant is repeated, not refreshed").isFalse();

        HttpResponse<String> replay = clientCredentials(assertion);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(error(replay)).contains("invalid_client").contains("used before");
    }

    @Test
    void badClientAssertionsAreRefusedWithTheReason() throws Exception {
        Instant now = Instant.now();
        Map<String, UnaryOperator<JWTClaimsSet.Builder>> cases = Map.of(
                "sub is not its iss", b -> b.subject("someone-else"),
                "audience", b -> b.audience("https://another-server.example"),
                "expired", b -> b.expirationTime(Date.from(now.minusSeconds(120))),
                "lives too long", b -> b.expirationTime(Date.from(now.plus(Duration.ofDays(1)))),
                "no jti", b -> b.jwtID(null),
                "no key is registered", b -> b.issuer("stranger").subject("stranger"));
        for (var c : cases.entrySet()) {
            HttpResponse<String> response = clientCredentials(clientAssertion(c.getValue()));
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(401);
            assertThat(error(response)).as(c.getKey()).contains(c.getKey());
        }
        String signedByAnotherKey = sign(new ECKeyGenerator(Curve.P_256).generate(), "JWT",
                b -> b.issuer("machine").subject("machine").audience(d.issuer()));
        assertThat(error(clientCredentials(signedByAnotherKey))).contains("signature does not verify");
    }

    @Test
    void aPublicClientCannotUseClientCredentials() {
        HttpResponse<String> response = d.token(Map.of("grant_type", "client_credentials", "client_id", ClientRegistry.PUBLIC_CLIENT_ID));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).startsWith("unauthorized_client");
    }

    @Test
    void jwtBearerAssertionsComeFromTrustedIssuersAndIdJagsAreBoundToClientAndResource() throws Exception {
        ECKey workloadIdp = new ECKeyGenerator(Curve.P_256).generate();
        String untrusted = sign(workloadIdp, "JWT", b -> b.issuer("https://workload.example").subject("w").audience(d.issuer()));
        assertThat(error(d.token(Map.of("grant_type", JWT_BEARER, "assertion", untrusted)))).contains("not trusted");

        as.assertions().trustIssuer("https://workload.example", workloadIdp.toPublicJWK());
        HttpResponse<String> trusted = d.token(Map.of("grant_type", JWT_BEARER, "assertion", untrusted));
        assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(200);

        String idJag = sign(workloadIdp, "oauth-id-jag+jwt", b -> b.issuer("https://workload.example").subject("alice")
                .audience(d.issuer()).claim("client_id", "machine").claim("resource", lab.mcpUrl().toString()));
        assertThat(error(d.token(Map.of("grant_type", JWT_BEARER, "assertion", idJag))))
                .as("an ID-JAG needs its client").contains("not an unauthenticated one");
        HttpResponse<String> otherResource = d.token(Map.of("grant_type", JWT_BEARER, "assertion", idJag,
                "client_assertion_type", ASSERTION_TYPE, "client_assertion", clientAssertion(b -> b),
                "resource", "http://127.0.0.1:1/other"));
        assertThat(error(otherResource)).contains("is for resource");
        HttpResponse<String> good = d.token(Map.of("grant_type", JWT_BEARER, "assertion", idJag,
                "client_assertion_type", ASSERTION_TYPE, "client_assertion", clientAssertion(b -> b), "resource", lab.mcpUrl().toString()));
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(OAuthDriver.claims(OAuthDriver.json(good.body()).path("access_token").asText()).path("sub").asText()).isEqualTo("alice");
    }

    @Test
    void asAnIdentityProviderItExchangesOnlyItsOwnIdTokensIssuedToTheClient() {
        try (LabAuthorizationServer idp = LabAuthorizationServer.start(new AsSettings(Set.of(), true, "", List.of(), Set.of(), Set.of()))) {
            String secret = idp.clients().confidentialClientSecret();
            Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                    "subject_token_type", "urn:ietf:params:oauth:token-type:id_token",
                    "requested_token_type", "urn:ietf:params:oauth:token-type:id-jag", "audience", d.issuer(),
                    "resource", lab.mcpUrl().toString()));
            java.net.URI endpoint = java.net.URI.create(idp.issuer() + "/token");
            java.util.function.Function<String, HttpResponse<String>> exchange = subject -> {
                form.put("subject_token", subject);
                return d.post(endpoint, "application/x-www-form-urlencoded", OAuthDriver.form(form), Map.of("Authorization",
                        "Basic " + java.util.Base64.getEncoder().encodeToString((ClientRegistry.CONFIDENTIAL_CLIENT_ID + ":" + secret).getBytes())));
            };

            String accessToken = idp.mintAccessToken(lab.mcpUrl(), Set.of());
            assertThat(OAuthDriver.json(exchange.apply(accessToken).body()).path("error_description").asText()).contains("not an ID token");
            String forAnother = idp.tokens().mintIdToken("alice", "another-client", Duration.ofMinutes(5));
            assertThat(OAuthDriver.json(exchange.apply(forAnother).body()).path("error_description").asText()).contains("another client");

            HttpResponse<String> ok = exchange.apply(idp.tokens().mintIdToken("alice", ClientRegistry.CONFIDENTIAL_CLIENT_ID, Duration.ofMinutes(5)));
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            JsonNode body = OAuthDriver.json(ok.body());
            assertThat(body.path("issued_token_type").asText()).isEqualTo("urn:ietf:params:oauth:token-type:id-jag");
            String jag = body.path("access_token").asText();
            assertThat(OAuthDriver.header(jag).path("typ").asText()).isEqualTo("oauth-id-jag+jwt");
            assertThat(OAuthDriver.claims(jag).path("aud").toString()).contains(d.issuer());
            assertThat(OAuthDriver.claims(jag).path("client_id").asText()).isEqualTo(ClientRegistry.CONFIDENTIAL_CLIENT_ID);
            assertThat(OAuthDriver.claims(jag).path("resource").asText()).isEqualTo(lab.mcpUrl().toString());
        }
    }
}
