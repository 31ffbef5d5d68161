package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.ConnectionTarget;
import dev.mcpworkbench.inspector.rules.Baseline;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * Everything a static scan knows besides the snapshot itself.
 *
 * @param settings     thresholds (catalog defaults when empty)
 * @param otherServers the other servers connected in the same workspace (cross-server rules:
 *                     DOCS-002 shadowing, SURFACE-006 toxic flows, POISON-005 references, SURFACE-002 budget)
 * @param target       how the server was reached (DRIFT-003, TRANSPORT-001, CONFIG-001); may be null
 * @param baseline     the pinned definitions (DRIFT-001); may be null
 * @param suppressions accepted findings, moved to {@link ScanResult#suppressed()}
 * @param extraFindings findings made outside the static rules that belong in the same report (the
 *                     authorization flow's OAUTH checks of a scan that authorized): suppressed,
 *                     ordered, counted and held against --fail-on like the rules' own
 */
public record ScanContext(
        RuleSettings settings,
        List<ServerSnapshot> otherServers,
        ConnectionTarget target,
        Baseline baseline,
        Suppressions suppressions,
        List<Finding> extraFindings) {

    public ScanContext {
        extraFindings = extraFindings == null ? List.of() : List.copyOf(extraFindings);
        settings = settings == null ? RuleSettings.defaults() : settings;
        otherServers = otherServers == null ? List.of() : List.copyOf(otherServers);
        suppressions = suppressions == null ? Suppressions.none() : suppressions;
    }

    public static ScanContext defaults() {
        return new ScanContext(null, null, null, null, null, null);
    }

    public Optional<ConnectionTarget> connectionTarget() {
        return Optional.ofNullable(target);
    }

    public Optional<Baseline> pinnedBaseline() {
        return Optional.ofNullable(baseline);
    }

    public ScanContext withSettings(RuleSettings value) {
        return new ScanContext(value, otherServers, target, baseline, suppressions, extraFindings);
    }

    public ScanContext withOtherServers(List<ServerSnapshot> value) {
        return new ScanContext(settings, value, target, baseline, suppressions, extraFindings);
    }

    public ScanContext withTarget(ConnectionTarget value) {
        return new ScanContext(settings, otherServers, value, baseline, suppressions, extraFindings);
    }

    public ScanContext withBaseline(Baseline value) {
        return new ScanContext(settings, otherServers, target, value, suppressions, extraFindings);
    }

    /** Adds findings made elsewhere (see {@code extraFindings}) to the ones already there. */
    public ScanContext withExtraFindings(List<Finding> value) {
        List<Finding> all = new java.util.ArrayList<>(extraFindings);
        all.addAll(value);
        return new ScanContext(settings, otherServers, target, baseline, suppressions, all);
    }

    public ScanContext withSuppressions(Suppressions value) {
        return new ScanContext(settings, otherServers, target, baseline, value, extraFindings);
    }
}
