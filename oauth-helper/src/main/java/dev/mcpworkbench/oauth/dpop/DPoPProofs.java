package dev.mcpworkbench.oauth.dpop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * One session's DPoP key pair (EC P-256, ES256) and the proofs signed with it (RFC 9449 section 4):
 * one fresh proof per request ({@code jti}, {@code iat}, {@code htm}, {@code htu} without query or
 * fragment, {@code ath} when a token goes with it, {@code nonce} when the server handed one out).
 * The key lives in memory for the session: tokens bound to it (cnf.jkt) are useless to anyone
 * who copies them out of a log, and die with the session.
 */
public final class DPoPProofs {

    /** The only algorithm the workbench signs proofs with. */
    public static final String ALGORITHM = "ES256";

    private final ECKey key;
    private final DefaultDPoPProofFactory factory;
    private final DPoPNonces nonces = new DPoPNonces();

    private DPoPProofs(ECKey key) throws JOSEException {
        this.key = key;
        this.factory = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
    }

    /** A new key pair. */
    public static DPoPProofs generate() {
        try {
            return new DPoPProofs(new ECKeyGenerator(Curve.P_256).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key: " + e.getMessage(), e);
        }
    }

    /** The public key's JWK SHA-256 thumbprint (RFC 7638), which a bound token carries as {@code cnf.jkt}. */
    public String thumbprint() {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A proof for a token request (no access token goes with it). */
    public String proof(String method, URI uri) {
        return proof(method, uri, null);
    }

    /** A proof for {@code method uri}, with {@code ath} for {@code accessToken} when it is not null. */
    public String proof(String method, URI uri, String accessToken) {
        URI htu = withoutQueryAndFragment(uri);
        Nonce nonce = nonces.forServer(uri).map(Nonce::new).orElse(null);
        try {
            return (accessToken == null ? factory.createDPoPJWT(method, htu, nonce)
                    : factory.createDPoPJWT(method, htu, new DPoPAccessToken(accessToken), nonce)).serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a DPoP proof: " + e.getMessage(), e);
        }
    }

    /** The nonce held for the server of {@code uri}, if it handed one out. */
    public Optional<String> nonce(URI uri) {
        return nonces.forServer(uri);
    }

    /**
     * Remembers the nonce the server of {@code uri} handed out; returns false when the proof just
     * refused already carried it (retrying with it again would loop).
     */
    public boolean rememberNonce(URI uri, String nonce) {
        return nonces.remember(uri, nonce);
    }

    /** RFC 9449 section 4.2: htu is the request URI without query and fragment (scheme and host in lower case). */
    static URI withoutQueryAndFragment(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path);
    }
}
