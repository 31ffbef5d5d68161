package dev.mcpworkbench.lab.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the JWTs clients present (RFC 7523 section 3): a signature by the expected key, an audience
 * naming this server (its issuer or its token endpoint), not expired, not too long-lived, and for
 * client assertions a jti not seen before (each is single-use). Keys: the public keys clients registered
 * ({@code private_key_jwt}) and those of the issuers this server trusts for the JWT bearer grant
 * (workload identity providers, enterprise identity providers that issue ID-JAGs).
 */
public final class AssertionVerifier {

    /** An assertion valid longer than this is refused: a leaked one must not stay useful. */
    static final Duration MAX_LIFETIME = Duration.ofHours(1);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final Map<String, JWK> clientKeys = new ConcurrentHashMap<>();
    private final Map<String, JWK> trustedIssuers = new ConcurrentHashMap<>();
    private final Map<String, Instant> seenIds = new ConcurrentHashMap<>();

    /** Why an assertion was refused. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    void registerClientKey(String clientId, JWK publicKey) {
        clientKeys.put(clientId, publicKey.toPublicJWK());
    }

    /** Accept JWT bearer assertions {@code issuer} signs with {@code publicKey}. */
    public void trustIssuer(String issuer, JWK publicKey) {
        trustedIssuers.put(issuer, publicKey.toPublicJWK());
    }

    /** A private_key_jwt client assertion: iss and sub are the client, signed with its registered key. */
    JWTClaimsSet clientAssertion(String assertion, Collection<String> audiences) throws Refused {
        SignedJWT jwt = parse(assertion);
        JWTClaimsSet claims = claims(jwt);
        String clientId = claims.getIssuer();
        JWK key = clientId == null ? null : clientKeys.get(clientId);
        if (key == null) throw new Refused("no key is registered for client " + clientId);
        if (!clientId.equals(claims.getSubject())) throw new Refused("the client assertion's sub is not its iss (the client id)");
        return checked(jwt, claims, key, audiences, true);
    }

    /** A JWT bearer grant's assertion: signed by a trusted issuer, about a subject. */
    JWTClaimsSet bearerAssertion(String assertion, Collection<String> audiences) throws Refused {
        SignedJWT jwt = parse(assertion);
        JWTClaimsSet claims = claims(jwt);
        JWK key = claims.getIssuer() == null ? null : trustedIssuers.get(claims.getIssuer());
        if (key == null) throw new Refused("the assertion's issuer " + claims.getIssuer() + " is not trusted");
        if (claims.getSubject() == null) throw new Refused("the assertion has no sub");
        // A workload presents the same identity token until the platform rotates it: no single use here.
        return checked(jwt, claims, key, audiences, false);
    }

    private JWTClaimsSet checked(SignedJWT jwt, JWTClaimsSet claims, JWK key, Collection<String> audiences, boolean singleUse)
            throws Refused {
        if (!signatureVerifies(jwt, key)) throw new Refused("the signature does not verify with the registered key");
        if (claims.getAudience().stream().noneMatch(audiences::contains)) {
            throw new Refused("the audience " + claims.getAudience() + " names neither " + audiences);
        }
        Instant now = Instant.now();
        if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(now.minus(CLOCK_SKEW))) {
            throw new Refused("the assertion has expired or has no exp");
        }
        if (claims.getExpirationTime().toInstant().isAfter(now.plus(MAX_LIFETIME))) throw new Refused("the assertion lives too long");
        if (singleUse && claims.getJWTID() == null) throw new Refused("the client assertion has no jti");
        if (singleUse) {
            seenIds.values().removeIf(expiry -> expiry.isBefore(now.minus(CLOCK_SKEW)));
            if (seenIds.putIfAbsent(claims.getIssuer() + " " + claims.getJWTID(), claims.getExpirationTime().toInstant()) != null) {
                throw new Refused("the assertion was used before (jti " + claims.getJWTID() + ")");
            }
        }
        return claims;
    }

    Optional<JWK> clientKey(String clientId) {
        return Optional.ofNullable(clientKeys.get(clientId));
    }

    private static SignedJWT parse(String assertion) throws Refused {
        try {
            return SignedJWT.parse(assertion == null ? "" : assertion.strip());
        } catch (ParseException e) {
            throw new Refused("the assertion is not a signed JWT");
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) throws Refused {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refused("the assertion's claims are not JSON");
        }
    }

    private static boolean signatureVerifies(SignedJWT jwt, JWK key) {
        try {
            JWSVerifier verifier = key instanceof ECKey ec ? new ECDSAVerifier(ec.toECPublicKey())
                    : key instanceof RSAKey rsa ? new RSASSAVerifier(rsa.toRSAPublicKey()) : null;
            return verifier != null && jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }
}
