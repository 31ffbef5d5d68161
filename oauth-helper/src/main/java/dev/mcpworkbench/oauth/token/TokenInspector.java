package dev.mcpworkbench.oauth.token;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.flow.StepKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes a JWT access token (no signature check: the client cannot and need not verify it) and
 * compares aud, iss, exp and scope with what was asked for (OAUTH-027).
 */
public final class TokenInspector {

    private static final Duration LONG_LIFETIME = Duration.ofHours(1);

    private TokenInspector() {
    }

    public static TokenInspection decode(String accessToken) {
        if (accessToken == null || accessToken.chars().filter(c -> c == '.').count() != 2) {
            return TokenInspection.opaque();
        }
        try {
            JWT jwt = JWTParser.parse(accessToken);
            Map<String, Object> header = new HashMap<>(jwt.getHeader().toJSONObject());
            Map<String, Object> claims = new HashMap<>();
            jwt.getJWTClaimsSet().getClaims().forEach((k, v) -> claims.put(k, v instanceof java.util.Date d ? d.toInstant().getEpochSecond() : v));
            if (jwt instanceof PlainJWT) {
                header.put("alg", "none");
            }
            return new TokenInspection(true, header, claims);
        } catch (java.text.ParseException | RuntimeException e) {
            return TokenInspection.opaque();
        }
    }

    /**
     * One token of a token response decoded and checked: {@code aud} must name {@code audience}
     * (the resource for an access token, the client for an id_token), {@code iss} must be the issuer.
     */
    public static DecodedToken review(String name, String raw, String audience, String issuer) {
        TokenInspection decoded = decode(raw);
        if (!decoded.jwt()) {
            return new DecodedToken(name, raw, decoded, ClaimCheck.notChecked(null), ClaimCheck.notChecked(null), null);
        }
        List<String> aud = decoded.audience();
        ClaimCheck audCheck = aud.isEmpty() ? new ClaimCheck(ClaimCheck.Verdict.MISSING, "", nonNull(audience))
                : audience == null || audience.isEmpty() ? ClaimCheck.notChecked(String.join(" ", aud))
                : new ClaimCheck(names(aud, audience) ? ClaimCheck.Verdict.MATCH : ClaimCheck.Verdict.MISMATCH,
                        String.join(" ", aud), audience);
        String iss = decoded.issuer();
        ClaimCheck issCheck = iss == null ? new ClaimCheck(ClaimCheck.Verdict.MISSING, "", nonNull(issuer))
                : issuer == null || issuer.isEmpty() ? ClaimCheck.notChecked(iss)
                : new ClaimCheck(iss.equals(issuer) ? ClaimCheck.Verdict.MATCH : ClaimCheck.Verdict.MISMATCH, iss, issuer);
        return new DecodedToken(name, raw, decoded, audCheck, issCheck, decoded.expiresAt());
    }

    /** An audience names the resource when it lists it, with or without a trailing slash. */
    static boolean names(List<String> aud, String resource) {
        String bare = resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
        return aud.contains(bare) || aud.contains(bare + "/");
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** OAUTH-027 findings for a JWT access token; none for an opaque one. */
    public static List<OAuthFinding> check(String accessToken, String issuer, String resource, Set<String> requestedScopes,
                                           StepKind step) {
        List<OAuthFinding> findings = new ArrayList<>();
        JWTClaimsSet claims;
        String alg;
        try {
            if (accessToken == null || accessToken.chars().filter(c -> c == '.').count() != 2) {
                return findings;
            }
            JWT jwt = JWTParser.parse(accessToken);
            claims = jwt.getJWTClaimsSet();
            alg = jwt instanceof PlainJWT ? "none" : String.valueOf(jwt.getHeader().getAlgorithm());
        } catch (java.text.ParseException | RuntimeException e) {
            return findings;
        }
        if ("none".equalsIgnoreCase(alg)) {
            findings.add(OAuthFinding.fail("OAUTH-027", step, "The access token is an unsigned JWT (alg none)", "alg=none"));
        }
        List<String> aud = claims.getAudience();
        if (aud == null || aud.isEmpty()) {
            findings.add(OAuthFinding.fail("OAUTH-027", step, "The access token has no aud claim", ""));
        } else if (resource != null && !names(aud, resource)) {
            findings.add(OAuthFinding.fail("OAUTH-027", step, "The access token's aud does not name the resource it was requested for",
                    "aud=" + aud + ", resource=" + resource));
        }
        if (claims.getIssuer() == null || !claims.getIssuer().equals(issuer)) {
            findings.add(OAuthFinding.fail("OAUTH-027", step, "The access token's iss is not the issuer",
                    "iss=" + claims.getIssuer() + ", issuer=" + issuer));
        }
        if (claims.getExpirationTime() == null) {
            findings.add(OAuthFinding.fail("OAUTH-027", step, "The access token has no exp claim", ""));
        } else {
            java.util.Date start = claims.getIssueTime() != null ? claims.getIssueTime() : new java.util.Date();
            Duration lifetime = Duration.ofMillis(claims.getExpirationTime().getTime() - start.getTime());
            if (lifetime.compareTo(LONG_LIFETIME) > 0) {
                findings.add(OAuthFinding.warn("OAUTH-027", step, "The access token lives longer than 1 hour",
                        "lifetime " + lifetime.toMinutes() + " min"));
            }
        }
        Object scope = claims.getClaim("scope");
        if (scope instanceof String s && !requestedScopes.isEmpty()) {
            Set<String> granted = Set.of(s.trim().split("\\s+"));
            List<String> extra = granted.stream().filter(g -> !g.isEmpty() && !requestedScopes.contains(g)).sorted().toList();
            if (!extra.isEmpty()) {
                findings.add(OAuthFinding.warn("OAUTH-027", step, "The access token carries scopes that were not requested",
                        "extra=" + extra));
            }
        }
        return findings;
    }
}
