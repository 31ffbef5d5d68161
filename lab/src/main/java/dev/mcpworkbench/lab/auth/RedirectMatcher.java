package dev.mcpworkbench.lab.auth;

import java.net.URI;
import java.util.List;

/**
 * Compares a requested redirect_uri with the registered ones: exactly, except that a loopback
 * redirect may use any port (RFC 8252 section 7.3) - or, as a misbehaviour, by prefix.
 */
final class RedirectMatcher {

    private RedirectMatcher() {
    }

    static boolean matches(List<String> registered, String requested, boolean prefixMatching) {
        if (requested == null) {
            return false;
        }
        for (String candidate : registered) {
            if (candidate.equals(requested) || (prefixMatching && requested.startsWith(candidate)) || loopbackPortVariant(candidate, requested)) {
                return true;
            }
        }
        return false;
    }

    private static boolean loopbackPortVariant(String registered, String requested) {
        try {
            URI a = URI.create(registered);
            URI b = URI.create(requested);
            return "http".equals(a.getScheme()) && "http".equals(b.getScheme()) && isLoopback(a.getHost())
                    && a.getHost().equals(b.getHost()) && equal(a.getRawPath(), b.getRawPath())
                    && equal(a.getRawQuery(), b.getRawQuery()) && b.getRawFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "[::1]".equals(host) || "localhost".equals(host);
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
