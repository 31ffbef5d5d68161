package dev.mcpworkbench.lab.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.AccessTokenValidationException;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPProtectedResourceRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPTokenRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DefaultDPoPSingleUseChecker;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InvalidDPoPProofException;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Set;

/**
 * One lab server's check of DPoP proofs (RFC 9449 section 4.3) through Nimbus's verifiers: signature
 * by the embedded public key, typ, alg, htm, htu, iat within a minute, single-use jti, ath and the
 * token's cnf.jkt for resource requests, then this server's nonce when its policy demands one (a valid
 * proof without it is answered use_dpop_nonce).
 */
final class DPoPProofCheck {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.RS256, JWSAlgorithm.PS256);
    private static final long MAX_CLOCK_SKEW_SECONDS = 60;
    /** What the servers advertise in dpop_signing_alg_values_supported. */
    static final List<String> ALGORITHM_NAMES = ALGORITHMS.stream().map(JWSAlgorithm::getName).sorted().toList();

    /** What a request's proof came to. */
    sealed interface Outcome {
    }

    /** No DPoP header at all. */
    record Absent() implements Outcome {
    }

    /** A valid proof of the key with this thumbprint. */
    record Valid(String jkt) implements Outcome {
    }

    /** A proof that fails a check (the reason is safe to send back). */
    record Invalid(String reason) implements Outcome {
    }

    /** A valid proof without this server's current nonce: answer use_dpop_nonce with it. */
    record NonceNeeded(String nonce) implements Outcome {
    }

    private final DPoPPolicy policy;
    /** This server's nonce: one per server run is enough for a lab (a real server rotates it). */
    private final String nonce = ClientRegistry.randomToken();
    private final DefaultDPoPSingleUseChecker usedJtis = new DefaultDPoPSingleUseChecker(MAX_CLOCK_SKEW_SECONDS * 2, 300);

    DPoPProofCheck(DPoPPolicy policy) {
        this.policy = policy;
    }

    String nonce() {
        return nonce;
    }

    /** The proof of a token request to {@code tokenEndpoint}. */
    Outcome tokenRequest(HttpExchange exchange, URI tokenEndpoint, String clientId) {
        List<String> headers = exchange.getRequestHeaders().getOrDefault("DPoP", List.of());
        if (headers.isEmpty()) return new Absent();
        if (headers.size() > 1) return new Invalid("more than one DPoP header");
        try {
            SignedJWT proof = SignedJWT.parse(headers.get(0));
            JWKThumbprintConfirmation cnf = new DPoPTokenRequestVerifier(ALGORITHMS, tokenEndpoint, MAX_CLOCK_SKEW_SECONDS, usedJtis)
                    .verify(new DPoPIssuer(String.valueOf(clientId)), proof, presentedNonce(proof));
            return nonceOk(proof) ? new Valid(cnf.getValue().toString()) : new NonceNeeded(nonce);
        } catch (ParseException e) {
            return new Invalid("the DPoP header is not a signed JWT");
        } catch (InvalidDPoPProofException | JOSEException e) {
            return new Invalid(e.getMessage());
        }
    }

    /** The proof of a request to the protected resource {@code uri} presenting {@code token} bound to {@code jkt}. */
    Outcome resourceRequest(HttpExchange exchange, URI uri, String token, String jkt, String clientId) {
        List<String> headers = exchange.getRequestHeaders().getOrDefault("DPoP", List.of());
        if (headers.isEmpty()) return new Absent();
        if (headers.size() > 1) return new Invalid("more than one DPoP header");
        try {
            SignedJWT proof = SignedJWT.parse(headers.get(0));
            new DPoPProtectedResourceRequestVerifier(ALGORITHMS, MAX_CLOCK_SKEW_SECONDS, usedJtis)
                    .verify(exchange.getRequestMethod(), uri, new DPoPIssuer(String.valueOf(clientId)), proof,
                            new DPoPAccessToken(token), new JWKThumbprintConfirmation(new Base64URL(jkt)), presentedNonce(proof));
            return nonceOk(proof) ? new Valid(jkt) : new NonceNeeded(nonce);
        } catch (ParseException e) {
            return new Invalid("the DPoP header is not a signed JWT");
        } catch (InvalidDPoPProofException | AccessTokenValidationException | JOSEException e) {
            return new Invalid(e.getMessage());
        }
    }

    /** The proof's own nonce: Nimbus refuses a nonce it was not told to expect, and which nonce is right is decided after. */
    private static Nonce presentedNonce(SignedJWT proof) throws ParseException {
        String nonce = proof.getJWTClaimsSet().getStringClaim("nonce");
        return nonce == null ? null : new Nonce(nonce);
    }

    private boolean nonceOk(SignedJWT proof) throws ParseException {
        return !policy.demandsNonce() || nonce.equals(proof.getJWTClaimsSet().getStringClaim("nonce"));
    }
}
