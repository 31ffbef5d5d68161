package dev.mcpworkbench.oauth.registration;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;

/**
 * The private key a client signs its token endpoint assertions with ({@code private_key_jwt}, RFC 7523
 * section 2.2): read from a JWK or PKCS#8 PEM file, or made here (EC P-256). The key never shows in
 * {@link #toString()}; {@link #publicJwk()} is what the client registers at the authorization server.
 */
public final class ClientKey {

    private final PrivateKey key;
    private final JWSAlgorithm algorithm;
    private final String keyId;
    /** The public half as a JWK, or null when it cannot be derived (an EC key from a PEM file). */
    private final JWK publicJwk;
    /** The whole key as a JWK, when it came as one or was made here (to save it). */
    private final JWK privateJwk;

    private ClientKey(PrivateKey key, JWSAlgorithm algorithm, String keyId, JWK publicJwk, JWK privateJwk) {
        this.key = key;
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.publicJwk = publicJwk;
        this.privateJwk = privateJwk;
    }

    /** A new EC P-256 key (ES256) whose key id is its thumbprint. */
    public static ClientKey generate() {
        try {
            ECKey jwk = new ECKeyGenerator(Curve.P_256).algorithm(JWSAlgorithm.ES256).keyIDFromThumbprint(true).generate();
            return fromJwk(jwk);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an EC key: " + e.getMessage(), e);
        }
    }

    /** Reads a JWK (JSON) or PEM ({@code BEGIN PRIVATE KEY}, PKCS#8) file. */
    public static ClientKey read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** A JWK (JSON object with the private part) or a PKCS#8 PEM private key. */
    public static ClientKey parse(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            try {
                return fromJwk(JWK.parse(trimmed));
            } catch (ParseException | JOSEException e) {
                throw new IllegalArgumentException("not a usable JWK: " + e.getMessage(), e);
            }
        }
        if (trimmed.contains("BEGIN EC PRIVATE KEY") || trimmed.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("the key is in the older SEC1/PKCS#1 PEM form; convert it with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in KEY' to a BEGIN PRIVATE KEY (PKCS#8) file");
        }
        if (!trimmed.contains("BEGIN PRIVATE KEY")) {
            throw new IllegalArgumentException("expected a JWK or a PEM 'BEGIN PRIVATE KEY' (PKCS#8, unencrypted) private key");
        }
        String base64 = trimmed.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM key is not valid Base64", e);
        }
        return fromPkcs8(der);
    }

    private static ClientKey fromPkcs8(byte[] der) {
        for (String type : new String[] {"EC", "RSA"}) {
            try {
                PrivateKey key = KeyFactory.getInstance(type).generatePrivate(new PKCS8EncodedKeySpec(der));
                if (key instanceof RSAPrivateCrtKey rsa) {
                    java.security.interfaces.RSAPublicKey pub = (java.security.interfaces.RSAPublicKey) KeyFactory.getInstance("RSA")
                            .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
                    RSAKey jwk = new RSAKey.Builder(pub).algorithm(JWSAlgorithm.RS256).keyIDFromThumbprint().build();
                    return new ClientKey(key, JWSAlgorithm.RS256, jwk.getKeyID(), jwk, null);
                }
                // The JDK cannot derive an EC public key from the private one: the user registered it already.
                return new ClientKey(key, algorithmFor(key), null, null, null);
            } catch (GeneralSecurityException | JOSEException e) {
                // try the next key type
            }
        }
        throw new IllegalArgumentException("the PEM key is neither an EC nor an RSA PKCS#8 private key");
    }

    private static ClientKey fromJwk(JWK jwk) throws JOSEException {
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException("the JWK has no private part (\"d\")");
        }
        PrivateKey key;
        if (jwk instanceof ECKey ec) {
            key = ec.toPrivateKey();
        } else if (jwk instanceof RSAKey rsa) {
            key = rsa.toPrivateKey();
        } else {
            throw new IllegalArgumentException("only EC and RSA keys can sign client assertions, not " + jwk.getKeyType());
        }
        JWSAlgorithm algorithm = jwk.getAlgorithm() != null ? JWSAlgorithm.parse(jwk.getAlgorithm().getName()) : algorithmFor(key);
        String keyId = jwk.getKeyID() != null ? jwk.getKeyID() : jwk.computeThumbprint().toString();
        return new ClientKey(key, algorithm, keyId, jwk.toPublicJWK(), jwk);
    }

    private static JWSAlgorithm algorithmFor(PrivateKey key) {
        if (key instanceof ECPrivateKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits <= 256 ? JWSAlgorithm.ES256 : bits <= 384 ? JWSAlgorithm.ES384 : JWSAlgorithm.ES512;
        }
        return JWSAlgorithm.RS256;
    }

    /**
     * The client's authentication for one token request: a fresh assertion (iss and sub the client id,
     * aud {@code audience}, a new jti, five minutes to live) signed with this key.
     */
    public ClientAuthentication authentication(String clientId, URI audience) {
        try {
            return new PrivateKeyJWT(new ClientID(clientId), audience, algorithm, key, keyId, null);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the client assertion with " + this + ": " + e.getMessage(), e);
        }
    }

    public JWSAlgorithm algorithm() {
        return algorithm;
    }

    /** The public key to register at the authorization server, or null when it cannot be derived (EC PEM). */
    public JWK publicJwk() {
        return publicJwk;
    }

    /** The whole key as JSON, to keep a key made here; null for a key read from PEM. */
    public String privateJwkJson() {
        return privateJwk == null ? null : privateJwk.toJSONString();
    }

    @Override
    public String toString() {
        return algorithm + " client key" + (keyId == null ? "" : " " + keyId);
    }
}
