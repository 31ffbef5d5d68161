package dev.mcpworkbench.inspector.rules;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of a scan, for a status line or a report header.
 *
 * @param serverName           serverInfo.name (or the snapshot source when the server gave none)
 * @param serverVersion        serverInfo.version
 * @param toolCount            tools over all pages
 * @param counts               active (not suppressed) findings per severity, every severity present
 * @param suppressedCount      findings accepted by a suppression
 * @param toolListTokens       o200k_base tokens of tools/list plus instructions (SURFACE-002's measure)
 * @param schemaTightness      share of input-schema parameters that are constrained (0..1; 1 when there are none)
 */
public record ScanSummary(String serverName, String serverVersion, int toolCount, Map<Severity, Integer> counts,
                          int suppressedCount, int toolListTokens, double schemaTightness) {

    public ScanSummary {
        // the server names itself: a report header is as shareable as a finding (see Finding#kept)
        serverName = serverName == null ? "" : Finding.kept(serverName);
        serverVersion = serverVersion == null ? "" : Finding.kept(serverVersion);
        counts = java.util.Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    static ScanSummary of(String serverName, String serverVersion, int toolCount, List<Finding> findings,
                          int suppressed, int tokens, double tightness) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, 0);
        for (Finding f : findings) counts.merge(f.severity(), 1, Integer::sum);
        return new ScanSummary(serverName, serverVersion, toolCount, counts, suppressed, tokens, tightness);
    }

    public int count(Severity severity) {
        return counts.getOrDefault(severity, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The worst severity with at least one active finding, or null when there are none. */
    public Severity worst() {
        for (Severity s : Severity.values()) if (count(s) > 0) return s;
        return null;
    }

    /** {@code 3 high, 5 medium, 2 low findings on filesystem (14 tools)}. */
    public String oneLine() {
        StringBuilder b = new StringBuilder();
        for (Severity s : Severity.values()) {
            if (count(s) == 0) continue;
            if (b.length() > 0) b.append(", ");
            b.append(count(s)).append(' ').append(s.label());
        }
        String what = b.length() == 0 ? "no findings" : b + (total() == 1 ? " finding" : " findings");
        String suppressedText = suppressedCount > 0 ? ", " + suppressedCount + " suppressed" : "";
        return what + suppressedText + " on " + (serverName.isEmpty() ? "server" : serverName)
                + " (" + toolCount + (toolCount == 1 ? " tool)" : " tools)");
    }
}
