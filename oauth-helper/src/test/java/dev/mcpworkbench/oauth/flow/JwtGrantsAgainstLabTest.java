package dev.mcpworkbench.oauth.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.lab.auth.AsSettings;
import dev.mcpworkbench.lab.auth.LabAuthorizationServer;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.ClientKey;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * private_key_jwt client authentication, the JWT bearer grant with a workload identity token, and the
 * ID-JAG of enterprise-managed authorization, against the lab's authorization server, which verifies
 * every assertion: a wrong key, audience or client is refused, and the flow then stops without retrying.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JwtGrantsAgainstLabTest {

    private static final String WORKLOAD_ISSUER = "https://workload-identity.example";
    private static final String CONFIDENTIAL = "lab-confidential";

    private RunningLab lab;
    private LabAuthorizationServer as;
    private final FlowTrace trace = new FlowTrace();

    @BeforeEach
    void start() {
        lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove());
        as = lab.authorizationServer().orElseThrow();
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private OAuthSession session(String clientId, String secret, boolean clientCredentials, AssertionOptions assertions) {
        AuthorizationAgent noPerson = (url, redirect, context) -> {
            throw new AssertionError("a machine grant opened an authorization page: " + url);
        };
        FlowOptions options = new FlowOptions(clientId, secret, null, null, 0, Duration.ofSeconds(10), noPerson, null, 2)
                .withClientCredentials(clientCredentials).withAssertions(assertions);
        return new OAuthSession(lab.mcpUrl(), options, new RecordingHttpClient(Duration.ofSeconds(5), 1 << 20), trace,
                new RegistrationStore());
    }

    private List<HttpExchange> tokenRequests(StepKind kind) {
        return trace.steps().stream().filter(s -> s.kind() == kind).flatMap(s -> s.exchanges().stream()).toList();
    }

    private static String subjectOf(String accessToken) throws Exception {
        return SignedJWT.parse(accessToken).getJWTClaimsSet().getSubject();
    }

    private static String workloadToken(ECKey key, String audience, Duration ttl) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer(WORKLOAD_ISSUER).subject("system:serviceaccount:ci:deployer").audience(audience)
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl))).jwtID(UUID.randomUUID().toString()).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    @Test
    void theClientCredentialsGrantAuthenticatesWithAnAssertionSignedByTheRegisteredKey() throws Exception {
        ClientKey key = ClientKey.generate();
        as.registerKeyClient("machine", key.publicJwk());
        OAuthSession session = session("machine", null, true, AssertionOptions.NONE.withClientKey(key));

        assertThat(session.probeAndAuthorize()).isTrue();

        assertThat(subjectOf(session.accessToken().orElseThrow())).isEqualTo("machine");
        HttpExchange token = tokenRequests(StepKind.TOKEN_REQUEST).get(0);
        assertThat(token.requestBody()).contains("grant_type=client_credentials")
                .contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer")
                .contains("client_assertion=ey").doesNotContain("client_secret");
        assertThat(token.requestHeaders()).doesNotContainKey("Authorization");
        assertThat(token.render(false)).doesNotContain(token.requestBody().replaceAll(".*client_assertion=([^&]+).*", "$1"));
    }

    @Test
    void anAssertionSignedWithAnotherKeyIsRefusedAndNoTokenIsIssued() {
        as.registerKeyClient("machine", ClientKey.generate().publicJwk());
        OAuthSession session = session("machine", null, true, AssertionOptions.NONE.withClientKey(ClientKey.generate()));

        assertThatThrownBy(session::probeAndAuthorize).isInstanceOf(FlowException.class)
                .hasMessageContaining("invalid_client").hasMessageContaining("signature");
        assertThat(session.accessToken()).isEmpty();
    }

    @Test
    void aWorkloadIdentityTokenFromATrustedIssuerIsExchangedForAnAccessTokenAboutTheWorkload() throws Exception {
        ECKey workloadIdp = new ECKeyGenerator(Curve.P_256).generate();
        as.assertions().trustIssuer(WORKLOAD_ISSUER, workloadIdp.toPublicJWK());
        String jwt = workloadToken(workloadIdp, as.issuer().toString(), Duration.ofMinutes(5));
        int[] reads = {0};
        Supplier<String> source = () -> {
            reads[0]++;
            return jwt;
        };
        OAuthSession session = session(null, null, false, AssertionOptions.NONE.withJwtBearerAssertion(source));

        assertThat(session.probeAndAuthorize()).isTrue();

        assertThat(subjectOf(session.accessToken().orElseThrow())).isEqualTo("system:serviceaccount:ci:deployer");
        assertThat(tokenRequests(StepKind.TOKEN_REQUEST).get(0).requestBody())
                .contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer").contains("assertion=ey")
                .doesNotContain("client_id");
        assertThat(reads[0]).as("the token is read when the grant runs").isEqualTo(1);
    }

    @Test
    void aWorkloadTokenForAnotherAudienceIsRefusedOnceWithoutRetryOrAnotherGrant() throws Exception {
        ECKey workloadIdp = new ECKeyGenerator(Curve.P_256).generate();
        as.assertions().trustIssuer(WORKLOAD_ISSUER, workloadIdp.toPublicJWK());
        String jwt = workloadToken(workloadIdp, "https://another-server.example", Duration.ofMinutes(5));
        OAuthSession session = session(null, null, false, AssertionOptions.NONE.withJwtBearerAssertion(() -> jwt));

        assertThatThrownBy(session::probeAndAuthorize).isInstanceOf(FlowException.class)
                .hasMessageContaining("invalid_grant").hasMessageContaining("audience");
        assertThat(tokenRequests(StepKind.TOKEN_REQUEST)).hasSize(1);
        assertThat(trace.steps()).extracting(FlowStep::kind).doesNotContain(StepKind.AUTHORIZATION_REQUEST);
    }

    @Test
    void anIdTokenBecomesAnIdJagAtTheIdentityProviderAndTheIdJagAnAccessTokenForThePerson() throws Exception {
        try (LabAuthorizationServer idp = LabAuthorizationServer.start(new AsSettings(Set.of(), true, "", List.of(), Set.of(), Set.of()))) {
            as.assertions().trustIssuer(idp.issuer().toString(), idp.signingKey());
            String idToken = idp.tokens().mintIdToken("alice@example.com", CONFIDENTIAL, Duration.ofMinutes(5));
            AssertionOptions.IdJag idJag = new AssertionOptions.IdJag(URI(idp.issuer() + "/token"), CONFIDENTIAL,
                    idp.clients().confidentialClientSecret(), () -> idToken);
            OAuthSession session = session(CONFIDENTIAL, as.clients().confidentialClientSecret(), false,
                    AssertionOptions.NONE.withIdJag(idJag));

            assertThat(session.probeAndAuthorize()).isTrue();

            assertThat(subjectOf(session.accessToken().orElseThrow())).isEqualTo("alice@example.com");
            HttpExchange exchange = tokenRequests(StepKind.TOKEN_EXCHANGE).get(0);
            assertThat(exchange.requestBody()).contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange")
                    .contains("requested_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aid-jag")
                    .contains("audience=" + java.net.URLEncoder.encode(as.issuer().toString(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(exchange.render(false)).doesNotContain(idToken);
        }
    }

    @Test
    void anIdJagIssuedForOneClientIsRefusedToAnother() {
        try (LabAuthorizationServer idp = LabAuthorizationServer.start(new AsSettings(Set.of(), true, "", List.of(), Set.of(), Set.of()))) {
            as.assertions().trustIssuer(idp.issuer().toString(), idp.signingKey());
            String idToken = idp.tokens().mintIdToken("alice@example.com", CONFIDENTIAL, Duration.ofMinutes(5));
            AssertionOptions.IdJag idJag = new AssertionOptions.IdJag(URI(idp.issuer() + "/token"), CONFIDENTIAL,
                    idp.clients().confidentialClientSecret(), () -> idToken);
            // At the MCP server's authorization server the client is another one than the ID-JAG names.
            OAuthSession session = session("lab-public", null, false, AssertionOptions.NONE.withIdJag(idJag));

            assertThatThrownBy(session::probeAndAuthorize).isInstanceOf(FlowException.class)
                    .hasMessageContaining("invalid_grant").hasMessageContaining("issued for client " + CONFIDENTIAL);
            assertThat(session.accessToken()).isEmpty();
        }
    }

    private static java.net.URI URI(String text) {
        return java.net.URI.create(text);
    }
}
