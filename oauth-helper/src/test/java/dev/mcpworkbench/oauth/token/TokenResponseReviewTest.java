package dev.mcpworkbench.oauth.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Token responses built with nimbus-jose-jwt, held against what a flow asked for. */
class TokenResponseReviewTest {

    private static final String RESOURCE = "http://127.0.0.1:8080/mcp";
    private static final String ISSUER = "http://127.0.0.1:9000";
    private static final TokenExpectations ASKED =
            new TokenExpectations(RESOURCE, ISSUER, "client-1", TokenExpectations.scopes("mcp:read mcp:write"));

    private static String jwt(String aud, String iss, Instant exp, String scopeClaim) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("alice").audience(aud).issuer(iss)
                .expirationTime(Date.from(exp)).jwtID("jti-1");
        if (scopeClaim != null) claims.claim("scope", scopeClaim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims.build());
        jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef"));
        return jwt.serialize();
    }

    private static TokenResponseReview review(String body) {
        return TokenResponseReview.of(body, ASKED).orElseThrow();
    }

    @Test
    void aJwtNamingTheResourceAndIssuerMatchesAndItsHeaderAndClaimsAreDecoded() throws Exception {
        String token = jwt(RESOURCE + "/", ISSUER, Instant.now().plusSeconds(300), null);
        TokenResponseReview review = review("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"scope\":\"mcp:read mcp:write\"}");
        DecodedToken access = review.tokens().get(0);
        assertThat(access.jwt()).isTrue();
        assertThat(access.inspection().header()).containsEntry("alg", "HS256").containsEntry("kid", "k1");
        assertThat(access.inspection().claims()).containsEntry("sub", "alice");
        assertThat(access.audience().verdict()).isEqualTo(ClaimCheck.Verdict.MATCH);
        assertThat(access.issuer().verdict()).isEqualTo(ClaimCheck.Verdict.MATCH);
        assertThat(Expiry.expired(access.expiresAt(), Instant.now())).isFalse();
        assertThat(review.scopes().asAsked()).isTrue();
        assertThat(review.scopes().grantedFrom()).isEqualTo(ScopeComparison.FROM_RESPONSE);
    }

    @Test
    void aDPoPBoundTokensCnfJktIsHeldAgainstTheSessionKeyAndABearerTokenHasNoBinding() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("alice").audience(RESOURCE).issuer(ISSUER)
                .expirationTime(Date.from(Instant.now().plusSeconds(60))).claim("cnf", java.util.Map.of("jkt", "key-A")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims);
        jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef"));
        String body = "{\"access_token\":\"" + jwt.serialize() + "\",\"token_type\":\"DPoP\"}";
        TokenExpectations keyA = new TokenExpectations(RESOURCE, ISSUER, "client-1", Set.of(), "key-A");
        TokenExpectations keyB = new TokenExpectations(RESOURCE, ISSUER, "client-1", Set.of(), "key-B");
        TokenResponseReview bound = TokenResponseReview.of(body, keyA).orElseThrow();
        assertThat(bound.dpopBound()).isTrue();
        assertThat(bound.dpopBinding()).isEqualTo(new ClaimCheck(ClaimCheck.Verdict.MATCH, "key-A", "key-A"));
        assertThat(TokenResponseReview.of(body, keyB).orElseThrow().dpopBinding().verdict()).isEqualTo(ClaimCheck.Verdict.MISMATCH);
        String unbound = jwt(RESOURCE, ISSUER, Instant.now().plusSeconds(60), null);
        assertThat(TokenResponseReview.of("{\"access_token\":\"" + unbound + "\",\"token_type\":\"DPoP\"}", keyA).orElseThrow()
                .dpopBinding().verdict()).as("token_type DPoP without cnf").isEqualTo(ClaimCheck.Verdict.MISSING);
        TokenResponseReview bearer = review("{\"access_token\":\"" + unbound + "\",\"token_type\":\"Bearer\"}");
        assertThat(bearer.dpopBound()).isFalse();
        assertThat(bearer.dpopBinding()).isNull();
    }

    @Test
    void anotherAudienceOrIssuerIsAMismatch() throws Exception {
        String token = jwt("http://127.0.0.1:8080/other", "http://evil.example", Instant.now().plusSeconds(60), null);
        DecodedToken access = review("{\"access_token\":\"" + token + "\"}").tokens().get(0);
        assertThat(access.audience()).isEqualTo(new ClaimCheck(ClaimCheck.Verdict.MISMATCH, "http://127.0.0.1:8080/other", RESOURCE));
        assertThat(access.issuer().verdict()).isEqualTo(ClaimCheck.Verdict.MISMATCH);
        assertThat(access.audience().word()).isEqualTo("mismatch");
    }

    @Test
    void scopesNotGrantedAndExtraOnesAreNamed() throws Exception {
        String token = jwt(RESOURCE, ISSUER, Instant.now().plusSeconds(60), null);
        ScopeComparison scopes = review("{\"access_token\":\"" + token + "\",\"scope\":\"mcp:read admin\"}").scopes();
        assertThat(scopes.notGranted()).containsExactly("mcp:write");
        assertThat(scopes.extra()).containsExactly("admin");
        assertThat(scopes.asAsked()).isFalse();
    }

    @Test
    void withoutAScopeInTheResponseTheTokensOwnClaimIsRead() throws Exception {
        String token = jwt(RESOURCE, ISSUER, Instant.now().plusSeconds(60), "mcp:read");
        ScopeComparison scopes = review("{\"access_token\":\"" + token + "\"}").scopes();
        assertThat(scopes.grantedFrom()).isEqualTo(ScopeComparison.FROM_CLAIM);
        assertThat(scopes.notGranted()).containsExactly("mcp:write");
        assertThat(scopes.extra()).isEmpty();
    }

    @Test
    void anExpiredTokenSaysHowLongAgo() throws Exception {
        Instant now = Instant.now();
        String token = jwt(RESOURCE, ISSUER, now.minusSeconds(125), null);
        DecodedToken access = review("{\"access_token\":\"" + token + "\"}").tokens().get(0);
        assertThat(Expiry.expired(access.expiresAt(), now)).isTrue();
        assertThat(Expiry.describe(access.expiresAt(), now)).isEqualTo("expired 2 min ago");
        assertThat(Expiry.describe(now.plusSeconds(299), now)).isEqualTo("expires in 4:59");
    }

    @Test
    void anOpaqueTokenIsNotDecodedAndSaysItsLength() {
        TokenResponseReview review = review("{\"access_token\":\"abc123opaque\",\"scope\":\"mcp:read mcp:write\"}");
        DecodedToken access = review.tokens().get(0);
        assertThat(access.jwt()).isFalse();
        assertThat(access.audience().verdict()).isEqualTo(ClaimCheck.Verdict.NOT_CHECKED);
        assertThat(access.opaqueNote()).isEqualTo("opaque token (not a JWT): nothing to decode (12 chars)");
        assertThat(review.scopes().asAsked()).isTrue();
    }

    @Test
    void anIdTokenIsCheckedAgainstTheClientAndARefusalIsNoReview() throws Exception {
        String id = jwt("client-1", ISSUER, Instant.now().plusSeconds(60), null);
        List<DecodedToken> tokens = review("{\"access_token\":\"opaque\",\"id_token\":\"" + id + "\"}").tokens();
        assertThat(tokens).extracting(DecodedToken::name).containsExactly("access_token", "id_token");
        assertThat(tokens.get(1).audience().verdict()).isEqualTo(ClaimCheck.Verdict.MATCH);
        assertThat(TokenResponseReview.of("{\"error\":\"invalid_grant\"}", ASKED)).isEmpty();
        assertThat(ScopeComparison.parse(List.of("a", "b c"))).isEqualTo(Set.of("a", "b", "c"));
    }
}
