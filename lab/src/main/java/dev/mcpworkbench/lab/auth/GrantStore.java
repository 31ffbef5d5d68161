package dev.mcpworkbench.lab.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Authorization requests awaiting consent, issued codes, and live refresh tokens. */
final class GrantStore {

    static final Duration CODE_TTL = Duration.ofMinutes(2);

    /** A validated authorization request. */
    record Request(String clientId, String redirectUri, String state, Set<String> scopes, String resource,
                   String codeChallenge, String challengeMethod) {
    }

    /** An issued authorization code. */
    record Code(Request request, String subject, Instant expiresAt) {
    }

    /** A refresh token's grant; {@code dpopJkt}: the DPoP key its tokens are bound to (a refresh must prove it), or null. */
    record Refresh(String clientId, Set<String> scopes, String resource, String subject, String dpopJkt) {
    }

    private final Map<String, Request> pending = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();

    String awaitConsent(Request request) {
        String id = ClientRegistry.randomToken();
        pending.put(id, request);
        return id;
    }

    Request takePending(String id) {
        return id == null ? null : pending.remove(id);
    }

    String issueCode(Request request, String subject) {
        String code = ClientRegistry.randomToken();
        codes.put(code, new Code(request, subject, Instant.now().plus(CODE_TTL)));
        return code;
    }

    /** Returns the code's grant; a single-use store removes it, a reusable one keeps it. */
    Code redeem(String code, boolean reusable) {
        if (code == null) {
            return null;
        }
        Code found = reusable ? codes.get(code) : codes.remove(code);
        return found == null || found.expiresAt().isBefore(Instant.now()) ? null : found;
    }

    String issueRefresh(Refresh grant) {
        String token = ClientRegistry.randomToken();
        refreshTokens.put(token, grant);
        return token;
    }

    /** Returns the grant; with rotation the old token stops working at once. */
    Refresh useRefresh(String token, boolean rotate) {
        if (token == null) {
            return null;
        }
        return rotate ? refreshTokens.remove(token) : refreshTokens.get(token);
    }
}
