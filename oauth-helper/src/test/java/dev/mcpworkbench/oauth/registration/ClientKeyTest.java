package dev.mcpworkbench.oauth.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Reading and making client keys, and the assertions they sign (RFC 7523 section 3 claims). */
class ClientKeyTest {

    private static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void aMadeKeySignsAnAssertionAboutTheClientForTheAudienceAndNeverPrintsItself() throws Exception {
        ClientKey key = ClientKey.generate();
        PrivateKeyJWT assertion = (PrivateKeyJWT) key.authentication("machine", URI.create("https://as.example"));

        var claims = assertion.getJWTAuthenticationClaimsSet();
        assertThat(claims.getIssuer().getValue()).isEqualTo("machine");
        assertThat(claims.getSubject().getValue()).isEqualTo("machine");
        assertThat(claims.getAudience()).extracting(a -> a.getValue()).containsExactly("https://as.example");
        assertThat(claims.getJWTID()).isNotNull();
        assertThat(assertion.getClientAssertion().verify(new ECDSAVerifier((ECKey) key.publicJwk()))).isTrue();
        assertThat(key.publicJwk().isPrivate()).isFalse();
        String privatePart = ((ECKey) com.nimbusds.jose.jwk.JWK.parse(key.privateJwkJson())).getD().toString();
        assertThat(key.toString()).doesNotContain(privatePart).startsWith("ES256 client key");
        assertThat(ClientKey.parse(key.privateJwkJson()).publicJwk()).isEqualTo(key.publicJwk());
    }

    @Test
    void aPkcs8RsaPemSignsRs256AndItsPublicKeyIsDerived() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();

        ClientKey key = ClientKey.parse(pem(pair));

        assertThat(key.algorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(((RSAKey) key.publicJwk()).toRSAPublicKey()).isEqualTo((RSAPublicKey) pair.getPublic());
        PrivateKeyJWT assertion = (PrivateKeyJWT) key.authentication("c", URI.create("https://as.example"));
        assertThat(assertion.getClientAssertion().verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic()))).isTrue();
    }

    @Test
    void aPkcs8EcPemOfP384SignsEs384() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        ClientKey key = ClientKey.parse(pem(generator.generateKeyPair()));
        assertThat(key.algorithm()).isEqualTo(JWSAlgorithm.ES384);
        assertThat(key.publicJwk()).as("the JDK cannot derive an EC public key").isNull();
    }

    @Test
    void unusableKeysAreRefusedWithWhatToDo() {
        assertThatThrownBy(() -> ClientKey.parse("-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----"))
                .hasMessageContaining("openssl pkcs8 -topk8");
        assertThatThrownBy(() -> ClientKey.parse(ClientKey.generate().publicJwk().toJSONString())).hasMessageContaining("no private part");
        assertThatThrownBy(() -> ClientKey.parse("hello")).hasMessageContaining("BEGIN PRIVATE KEY");
    }
}
