package dev.mcpworkbench.oauth.dpop;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The proofs the session signs: what RFC 9449 section 4.2 asks of each, checked on the JWT itself. */
class DPoPProofsTest {

    private final DPoPProofs proofs = DPoPProofs.generate();

    @Test
    void aResourceProofIsSignedByTheEmbeddedKeyAndCarriesMethodUriWithoutQueryAndTheTokenHash() throws Exception {
        SignedJWT proof = SignedJWT.parse(proofs.proof("POST", URI.create("HTTP://Example.COM:8443/mcp?x=1#frag"), "tok-123"));
        assertThat(proof.getHeader().getType().toString()).isEqualTo("dpop+jwt");
        assertThat(proof.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        ECKey jwk = (ECKey) proof.getHeader().getJWK();
        assertThat(jwk.isPrivate()).isFalse();
        assertThat(proof.verify(new ECDSAVerifier(jwk))).isTrue();
        assertThat(jwk.computeThumbprint().toString()).isEqualTo(proofs.thumbprint());
        var claims = proof.getJWTClaimsSet();
        assertThat(claims.getStringClaim("htm")).isEqualTo("POST");
        assertThat(claims.getStringClaim("htu")).isEqualTo("http://example.com:8443/mcp");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getIssueTime()).isNotNull();
        String ath = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest("tok-123".getBytes(StandardCharsets.US_ASCII)));
        assertThat(claims.getStringClaim("ath")).isEqualTo(ath);
        assertThat(claims.getClaim("nonce")).isNull();
    }

    @Test
    void everyProofIsFreshAndATokenRequestProofHasNoTokenHash() throws Exception {
        URI token = URI.create("http://127.0.0.1:9/token");
        SignedJWT first = SignedJWT.parse(proofs.proof("POST", token));
        SignedJWT second = SignedJWT.parse(proofs.proof("POST", token));
        assertThat(first.getJWTClaimsSet().getJWTID()).isNotEqualTo(second.getJWTClaimsSet().getJWTID());
        assertThat(first.getJWTClaimsSet().getClaim("ath")).isNull();
        assertThat(first.getState()).isEqualTo(JWSObject.State.SIGNED);
    }

    @Test
    void aNonceGoesOnlyToTheEndpointThatHandedItOutAndTheSameNonceTwiceIsNoReasonToRetry() throws Exception {
        URI tokenEndpoint = URI.create("http://127.0.0.1:9/token");
        URI mcp = URI.create("http://127.0.0.1:9/mcp");
        assertThat(proofs.rememberNonce(tokenEndpoint, "n-1")).isTrue();
        assertThat(proofs.rememberNonce(URI.create("http://127.0.0.1:9/token?again"), "n-1")).isFalse();
        assertThat(SignedJWT.parse(proofs.proof("POST", tokenEndpoint)).getJWTClaimsSet().getStringClaim("nonce")).isEqualTo("n-1");
        assertThat(SignedJWT.parse(proofs.proof("POST", mcp, "t")).getJWTClaimsSet().getClaim("nonce")).isNull();
        assertThat(proofs.rememberNonce(tokenEndpoint, "n-2")).isTrue();
        assertThat(proofs.nonce(tokenEndpoint)).contains("n-2");
    }

    @Test
    void theBindingLineSaysWhetherTheTokensCnfNamesTheSessionKey() {
        String other = "x".repeat(43);
        String jwt = unsignedJwt(Map.of("cnf", Map.of("jkt", proofs.thumbprint())));
        assertThat(DPoPBinding.describe(jwt, proofs.thumbprint())).contains("cnf.jkt " + proofs.thumbprint()).contains("this session's key");
        assertThat(DPoPBinding.describe(jwt, other)).contains("NOT this session's key");
        assertThat(DPoPBinding.describe("opaque-token", other)).contains("opaque");
    }

    private static String unsignedJwt(Map<String, Object> claims) {
        try {
            return new com.nimbusds.jwt.PlainJWT(com.nimbusds.jwt.JWTClaimsSet.parse(claims)).serialize();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
