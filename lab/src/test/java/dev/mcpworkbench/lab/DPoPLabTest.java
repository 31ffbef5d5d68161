package dev.mcpworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.mcpworkbench.lab.auth.DPoPPolicy;
import dev.mcpworkbench.lab.server.Json;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lab's DPoP (RFC 9449) with proofs made by Nimbus's own factory, not the workbench's: bound
 * tokens, refused proofs, the required policy's challenge and metadata, and both servers' nonces.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DPoPLabTest {

    private final ECKey key = newKey();
    private final DefaultDPoPProofFactory proofs = factory(key);

    private static ECKey newKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static DefaultDPoPProofFactory factory(ECKey key) {
        try {
            return new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String proof(String method, URI uri, String token, String nonce) throws Exception {
        return proofs.createDPoPJWT(method, uri, token == null ? null : new DPoPAccessToken(token), nonce == null ? null : new Nonce(nonce))
                .serialize();
    }

    private static HttpResponse<String> token(OAuthDriver driver, Map<String, String> form, String proof) {
        return driver.post(URI.create(driver.issuer() + "/token"), "application/x-www-form-urlencoded", OAuthDriver.form(form),
                proof == null ? Map.of() : Map.of("DPoP", proof));
    }

    private static HttpResponse<String> mcp(OAuthDriver driver, RunningLab lab, String authorization, String proof) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json, text/event-stream");
        headers.put("Authorization", authorization);
        if (proof != null) headers.put("DPoP", proof);
        return driver.post(lab.mcpUrl(), "application/json", Json.write(Map.of("jsonrpc", "2.0", "id", 1, "method", "tools/list",
                "params", Map.of())), headers);
    }

    @Test
    void aValidProofBindsTheTokensAndTheBoundTokenWorksOnlyWithAProofOfThatKey() throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
            OAuthDriver driver = new OAuthDriver(lab);
            URI tokenEndpoint = URI.create(driver.issuer() + "/token");
            assertThat(token(driver, driver.codeExchange(driver.code()), "not-a-jwt").body()).contains("invalid_dpop_proof");
            assertThat(token(driver, driver.codeExchange(driver.code()), proof("POST", URI.create(driver.issuer() + "/other"), null, null))
                    .statusCode()).as("a proof for another URL").isEqualTo(400);

            HttpResponse<String> issued = token(driver, driver.codeExchange(driver.code()), proof("POST", tokenEndpoint, null, null));
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
            JsonNode body = OAuthDriver.json(issued.body());
            assertThat(body.path("token_type").asText()).isEqualTo("DPoP");
            String token = body.path("access_token").asText();
            assertThat(OAuthDriver.claims(token).path("cnf").path("jkt").asText()).isEqualTo(key.computeThumbprint().toString());

            assertThat(mcp(driver, lab, "DPoP " + token, proof("POST", lab.mcpUrl(), token, null)).statusCode()).isEqualTo(200);
            assertThat(mcp(driver, lab, "Bearer " + token, null).statusCode()).as("bound token as Bearer").isEqualTo(401);
            HttpResponse<String> noProof = mcp(driver, lab, "DPoP " + token, null);
            assertThat(noProof.statusCode()).isEqualTo(401);
            assertThat(noProof.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("DPoP ").contains("invalid_dpop_proof");
            String otherKeyProof = factory(newKey()).createDPoPJWT("POST", lab.mcpUrl(), new DPoPAccessToken(token)).serialize();
            assertThat(mcp(driver, lab, "DPoP " + token, otherKeyProof).statusCode()).as("another key").isEqualTo(401);

            Map<String, String> refresh = Map.of("grant_type", "refresh_token", "refresh_token", body.path("refresh_token").asText(),
                    "client_id", "lab-public");
            assertThat(token(driver, refresh, null).body()).as("a bound refresh token without a proof").contains("invalid_grant");
        }
    }

    @Test
    void theRequiredPolicyChallengesWithDPoPAndRefusesBearerTokens() {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAutoApprove().withDPoP(DPoPPolicy.REQUIRED))) {
            OAuthDriver driver = new OAuthDriver(lab);
            HttpResponse<String> anonymous = driver.listTools(null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("DPoP algs=\"").contains("resource_metadata=");
            JsonNode prm = OAuthDriver.json(driver.get(URI.create(lab.mcpOrigin() + "/.well-known/oauth-protected-resource/mcp"), Map.of()).body());
            assertThat(prm.path("dpop_bound_access_tokens_required").asBoolean()).isTrue();
            String bearer = driver.tokens().path("access_token").asText();
            assertThat(driver.listTools(bearer).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void underTheNoncePolicyEachServerDemandsItsOwnNonce() throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.secure().withAutoApprove().withDPoP(DPoPPolicy.NONCE))) {
            OAuthDriver driver = new OAuthDriver(lab);
            URI tokenEndpoint = URI.create(driver.issuer() + "/token");
            Map<String, String> exchange = driver.codeExchange(driver.code());
            HttpResponse<String> demand = token(driver, exchange, proof("POST", tokenEndpoint, null, null));
            assertThat(demand.statusCode()).isEqualTo(400);
            assertThat(demand.body()).contains("use_dpop_nonce");
            String asNonce = demand.headers().firstValue("DPoP-Nonce").orElseThrow();
            HttpResponse<String> issued = token(driver, exchange, proof("POST", tokenEndpoint, null, asNonce));
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
            String token = OAuthDriver.json(issued.body()).path("access_token").asText();

            HttpResponse<String> rsDemand = mcp(driver, lab, "DPoP " + token, proof("POST", lab.mcpUrl(), token, asNonce));
            assertThat(rsDemand.statusCode()).isEqualTo(401);
            assertThat(rsDemand.headers().firstValue("WWW-Authenticate")).get().asString().contains("error=\"use_dpop_nonce\"");
            String rsNonce = rsDemand.headers().firstValue("DPoP-Nonce").orElseThrow();
            assertThat(rsNonce).as("the MCP server's nonce is its own").isNotEqualTo(asNonce);
            assertThat(mcp(driver, lab, "DPoP " + token, proof("POST", lab.mcpUrl(), token, rsNonce)).statusCode()).isEqualTo(200);
        }
    }
}
