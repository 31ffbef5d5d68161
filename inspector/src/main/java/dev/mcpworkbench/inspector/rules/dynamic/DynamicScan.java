package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.ScanSummary;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.rules.SuppressedFinding;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.Exerciser;
import dev.mcpworkbench.inspector.rules.suppress.Suppression;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Adds an exercise's dynamic findings to a static scan result, with the same suppressions. */
public final class DynamicScan {

    private DynamicScan() {
    }

    public static ScanResult merge(ScanResult staticResult, Exerciser.Report report, Suppressions suppressions) {
        List<Finding> active = new ArrayList<>(staticResult.findings());
        List<SuppressedFinding> suppressed = new ArrayList<>(staticResult.suppressed());
        for (Finding f : report.findings()) {
            Optional<Suppression> s = suppressions.matching(f);
            if (s.isPresent()) suppressed.add(new SuppressedFinding(f, s.get()));
            else active.add(f);
        }
        active.sort(Comparator.comparing(Finding::severity).thenComparing(f -> f.location().display()));
        List<Rule> rules = new ArrayList<>(staticResult.rules());
        rules.addAll(DynamicRuleRegistry.standard().all());
        ScanSummary s = staticResult.summary();
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity sev : Severity.values()) counts.put(sev, 0);
        for (Finding f : active) counts.merge(f.severity(), 1, Integer::sum);
        ScanSummary summary = new ScanSummary(s.serverName(), s.serverVersion(), s.toolCount(), counts, suppressed.size(),
                s.toolListTokens(), s.schemaTightness());
        List<String> errors = new ArrayList<>(staticResult.errors());
        report.notes().forEach(n -> errors.add("exercise: " + n));
        return new ScanResult(active, suppressed, summary, rules, errors);
    }
}
