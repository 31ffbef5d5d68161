package dev.mcpworkbench.oauth.probe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The one registry of active probes, in the order they run. */
public final class ActiveProbes {

    private ActiveProbes() {
    }

    public static List<ActiveProbe> all() {
        return List.of(new PkceEnforcementProbe(), new ResourceIndicatorProbe(), new OpenRegistrationProbe(),
                new RedirectExactMatchProbe(), new CimdHandlingProbe(), new RefreshRotationProbe(), new CodeReuseProbe(),
                new TokenPassthroughProbe());
    }

    /**
     * The probes a comma-separated selection names: {@code all}, probe names ({@code pkce}) or rule
     * ids ({@code OAUTH-016}, or just {@code 016}). Unknown names are refused, naming the known ones.
     */
    public static List<ActiveProbe> select(String selection) {
        Set<ActiveProbe> chosen = new LinkedHashSet<>();
        for (String raw : selection.split(",")) {
            String wanted = raw.trim().toLowerCase(Locale.ROOT);
            if (wanted.isEmpty()) continue;
            if (wanted.equals("all")) return all();
            ActiveProbe match = all().stream().filter(p -> matches(p, wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown probe '" + raw.trim() + "' (known: all, " + names() + ")"));
            chosen.removeIf(p -> p.name().equals(match.name()));
            chosen.add(match);
        }
        if (chosen.isEmpty()) throw new IllegalArgumentException("no probe named (known: all, " + names() + ")");
        List<ActiveProbe> ordered = new ArrayList<>();
        for (ActiveProbe p : all()) {
            if (chosen.stream().anyMatch(c -> c.name().equals(p.name()))) ordered.add(p);
        }
        return ordered;
    }

    private static boolean matches(ActiveProbe probe, String wanted) {
        String id = probe.ruleId().toLowerCase(Locale.ROOT);
        return probe.name().equals(wanted) || id.equals(wanted) || id.equals("oauth-" + wanted);
    }

    private static String names() {
        return String.join(", ", all().stream().map(p -> p.name() + " (" + p.ruleId() + ")").toList());
    }
}
