package dev.mcpworkbench.oauth.challenge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One authentication challenge from a {@code WWW-Authenticate} header: a scheme and either a token68
 * or auth-params. Parameter names are case-insensitive (stored lower-case); values are unquoted.
 */
public record Challenge(String scheme, String token68, Map<String, String> params) {

    public Challenge {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public boolean isScheme(String name) {
        return scheme.equalsIgnoreCase(name);
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The {@code scope} parameter split on spaces (empty when absent). */
    public List<String> scopes() {
        return param("scope").map(s -> List.of(s.trim().split("\\s+"))).orElse(List.of())
                .stream().filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The challenge a token answers: the first Bearer challenge, else the first DPoP one (RFC 9449
     * section 7.1: a server that takes only DPoP-bound tokens challenges with DPoP alone). Both carry
     * the same parameters (resource_metadata, scope, error).
     */
    public static Optional<Challenge> forToken(List<Challenge> challenges) {
        return bearer(challenges).or(() -> challenges.stream().filter(c -> c.isScheme("DPoP")).findFirst());
    }

    /** True when the server challenges with DPoP and not with Bearer: it takes DPoP-bound tokens only. */
    public static boolean demandsDPoP(List<Challenge> challenges) {
        return bearer(challenges).isEmpty() && challenges.stream().anyMatch(c -> c.isScheme("DPoP"));
    }

    /** The first Bearer challenge among several. */
    public static Optional<Challenge> bearer(List<Challenge> challenges) {
        return challenges.stream().filter(c -> c.isScheme("Bearer")).findFirst();
    }
}
