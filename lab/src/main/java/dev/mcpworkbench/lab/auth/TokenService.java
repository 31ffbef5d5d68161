package dev.mcpworkbench.lab.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Mints and verifies the lab's JWT access tokens (RFC 9068 style: iss, sub, aud, client_id,
 * scope, iat, exp, jti), signed ES256 with a P-256 key generated at start.
 */
public final class TokenService {

    /** Lifetime of a normal access token. */
    public static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(5);
    static final Duration LONG_TTL = Duration.ofHours(24);

    private final String issuer;
    private final ECKey key;
    private final boolean unsigned;

    TokenService(String issuer, boolean unsigned) {
        this.issuer = issuer;
        this.unsigned = unsigned;
        try {
            this.key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the lab signing key", e);
        }
    }

    /** The public key set, as served at the JWKS endpoint. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    /**
     * Mints an access token. Public so tests can make tokens the authorization server would never
     * issue (expired, for another audience) and check that the protected server refuses them.
     */
    public String mint(String subject, String clientId, List<String> audience, Set<String> scopes, Duration ttl) {
        return mint(subject, clientId, audience, scopes, ttl, null);
    }

    /** As {@link #mint(String, String, List, Set, Duration)}, bound to the DPoP key with thumbprint {@code dpopJkt} (cnf.jkt) unless null. */
    public String mint(String subject, String clientId, List<String> audience, Set<String> scopes, Duration ttl, String dpopJkt) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(subject).audience(audience)
                .claim("client_id", clientId).claim("scope", String.join(" ", scopes))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
        if (dpopJkt != null) builder.claim("cnf", Map.of("jkt", dpopJkt));
        JWTClaimsSet claims = builder.build();
        if (unsigned) {
            return new PlainJWT(claims).serialize();
        }
        return sign(claims, "at+jwt");
    }

    /** Signs {@code claims} with the server's key, the header's typ set to {@code type}. */
    String sign(JWTClaimsSet claims, String type) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType(type)).build(), claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a " + type, e);
        }
        return jwt.serialize();
    }

    /**
     * An OpenID Connect ID token for {@code subject}, issued to {@code clientId}: what a person's sign-in
     * at this server as an enterprise identity provider yields, and the subject token of an ID-JAG exchange.
     */
    public String mintIdToken(String subject, String clientId, Duration ttl) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(clientId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl))).jwtID(UUID.randomUUID().toString()).build(), "JWT");
    }

    /** The claims of an ID token this server issued to {@code clientId}; not an access token, not expired. */
    JWTClaimsSet verifyIdToken(String token, String clientId) throws InvalidTokenException {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!jwt.verify(new ECDSAVerifier(key.toECPublicKey()))) throw new InvalidTokenException("signature does not verify");
            if (!"JWT".equals(String.valueOf(jwt.getHeader().getType()))) throw new InvalidTokenException("not an ID token");
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer())) throw new InvalidTokenException("ID token of another issuer");
            if (clientId == null || !claims.getAudience().contains(clientId)) throw new InvalidTokenException("ID token issued to another client");
            if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(Instant.now())) {
                throw new InvalidTokenException("ID token expired");
            }
            return claims;
        } catch (ParseException | JOSEException e) {
            throw new InvalidTokenException("malformed ID token");
        }
    }

    /** Verifies signature (unless unsigned tokens are the configured misbehaviour), issuer and expiry. */
    public AccessTokenClaims verify(String token) throws InvalidTokenException {
        try {
            JWT jwt = JWTParser.parse(token);
            if (jwt instanceof SignedJWT signed) {
                if (!signed.verify(new ECDSAVerifier(key.toECPublicKey()))) {
                    throw new InvalidTokenException("signature does not verify");
                }
            } else if (!(unsigned && jwt instanceof PlainJWT)) {
                throw new InvalidTokenException("token is not signed");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer())) {
                throw new InvalidTokenException("token was issued by another issuer");
            }
            if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().isBefore(Instant.now())) {
                throw new InvalidTokenException("token expired");
            }
            String scope = claims.getStringClaim("scope");
            Set<String> scopes = scope == null || scope.isBlank() ? Set.of() : new HashSet<>(List.of(scope.split(" ")));
            Map<String, Object> cnf = claims.getJSONObjectClaim("cnf");
            String jkt = cnf != null && cnf.get("jkt") instanceof String s ? s : null;
            return new AccessTokenClaims(claims.getIssuer(), claims.getSubject(), claims.getStringClaim("client_id"),
                    claims.getAudience(), scopes, claims.getExpirationTime().toInstant(), jkt);
        } catch (ParseException | JOSEException e) {
            throw new InvalidTokenException("malformed token");
        }
    }

    /** Why a token was refused. */
    public static final class InvalidTokenException extends Exception {
        public InvalidTokenException(String message) {
            super(message);
        }
    }
}
