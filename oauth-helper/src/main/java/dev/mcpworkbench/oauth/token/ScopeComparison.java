package dev.mcpworkbench.oauth.token;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The scopes the authorization request asked for against those granted, and where the granted
 * ones were read from. RFC 6749 5.1: a token response without {@code scope} grants what was asked,
 * so {@code grantedFrom} says so instead of inventing a difference.
 */
public record ScopeComparison(Set<String> asked, Set<String> granted, String grantedFrom,
                              List<String> notGranted, List<String> extra) {

    public static final String FROM_RESPONSE = "token response scope";
    public static final String FROM_CLAIM = "access token scope claim";
    public static final String NOT_STATED = "not stated (RFC 6749: as asked)";

    public ScopeComparison {
        asked = Set.copyOf(asked);
        granted = Set.copyOf(granted);
        notGranted = List.copyOf(notGranted);
        extra = List.copyOf(extra);
    }

    public static ScopeComparison of(Set<String> asked, Set<String> granted, String grantedFrom) {
        Set<String> effective = grantedFrom.equals(NOT_STATED) ? asked : granted;
        List<String> notGranted = asked.stream().filter(s -> !effective.contains(s)).sorted().toList();
        List<String> extra = effective.stream().filter(s -> !asked.contains(s)).sorted().toList();
        return new ScopeComparison(asked, effective, grantedFrom, notGranted, extra);
    }

    public boolean asAsked() {
        return notGranted.isEmpty() && extra.isEmpty();
    }

    /** Space- or array-valued scope ("a b c", ["a","b"]) as a set, in order. */
    static Set<String> parse(Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof Iterable<?> many) {
            many.forEach(v -> out.addAll(parse(v)));
        } else if (value != null) {
            for (String s : value.toString().trim().split("\\s+")) {
                if (!s.isEmpty()) out.add(s);
            }
        }
        return out;
    }
}
