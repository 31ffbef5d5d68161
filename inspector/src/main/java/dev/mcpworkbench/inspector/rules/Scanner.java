package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.schema.SchemaNode;
import dev.mcpworkbench.inspector.rules.suppress.Suppression;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the static rules on a snapshot: {@code Scanner.scan(snapshot, context)}. Thread-safe and
 * stateless; each scan builds its own {@link ScanSubject}.
 */
public final class Scanner {

    private static final Logger LOG = LoggerFactory.getLogger(Scanner.class);

    /** Severity, then where (kind, name), then rule and pointer, with the name as its rank among all names. */
    private static final Comparator<Ranked> ORDER = Comparator.<Ranked>comparingInt(r -> r.severity)
            .thenComparingInt(r -> r.kind)
            .thenComparingInt(r -> r.name)
            .thenComparing(r -> r.finding.ruleId())
            .thenComparing(r -> r.finding.location().jsonPointer());

    private record Ranked(Finding finding, int severity, int kind, int name) {
    }

    private Scanner() {
    }

    /** All registered static rules ({@link StaticRules#all()}). */
    public static ScanResult scan(ServerSnapshot snapshot, ScanContext context) {
        return scan(snapshot, context, StaticRules.all());
    }

    public static ScanResult scan(ServerSnapshot snapshot, ScanContext context, List<StaticRule> rules) {
        ScanContext ctx = context == null ? ScanContext.defaults() : context;
        ScanSubject subject = new ScanSubject(snapshot, ctx);
        List<String> errors = new ArrayList<>(snapshot.listErrors());
        boolean prepared = prepare(subject);
        // rules only read a prepared subject, so a large server's rules share the cores
        boolean parallel = prepared && snapshot.tools().size() >= ScanSubject.PARALLEL_FROM;
        RuleOutcome[] outcomes = new RuleOutcome[rules.size()];
        IntStream indexes = IntStream.range(0, rules.size());
        (parallel ? indexes.parallel() : indexes).forEach(i -> outcomes[i] = run(rules.get(i), subject));
        List<Finding> raw = new ArrayList<>();
        for (RuleOutcome outcome : outcomes) {
            raw.addAll(outcome.findings());
            if (outcome.error() != null) errors.add(outcome.error());
        }
        return result(subject, raw, errors, rules);
    }

    private record RuleOutcome(List<Finding> findings, String error) {
    }

    private static boolean prepare(ScanSubject subject) {
        try {
            subject.prepare();
            return true;
        } catch (RuntimeException | StackOverflowError e) {
            // the rules still run, one at a time on the lazy subject; the one that needs the broken part fails alone
            LOG.warn("Preparing the scan of {} failed: {}", subject.snapshot().serverName(), e.toString());
            return false;
        }
    }

    private static RuleOutcome run(StaticRule rule, ScanSubject subject) {
        try {
            return new RuleOutcome(rule.check(subject), null);
        } catch (RuntimeException | StackOverflowError e) {
            // one broken rule must not hide what the others found
            LOG.warn("Rule {} failed on {}: {}", rule.id(), subject.snapshot().serverName(), e.toString());
            return new RuleOutcome(List.of(), rule.id() + ": " + e);
        }
    }

    private static ScanResult result(ScanSubject subject, List<Finding> raw, List<String> errors, List<StaticRule> rules) {
        List<Finding> active = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        for (Finding f : raw) {
            Optional<Suppression> s = subject.context().suppressions().matching(f);
            if (s.isPresent()) suppressed.add(new SuppressedFinding(f, s.get()));
            else active.add(f);
        }
        active = sorted(active);
        ServerSnapshot snap = subject.snapshot();
        String name = snap.serverName().isEmpty() ? snap.source() : snap.serverName();
        ScanSummary summary = ScanSummary.of(name, snap.serverVersion(), snap.tools().size(), active,
                suppressed.size(), subject.toolListTokens(), schemaTightness(subject));
        return new ScanResult(active, suppressed, summary, List.copyOf(rules), errors);
    }

    /**
     * Findings in report order. A thousand tools give thousands of findings whose names share long
     * prefixes ({@code read_file_1}, {@code read_file_12}): comparing those strings at every step of
     * the sort was most of a rescan's ordering time, so each distinct name is ranked once.
     */
    static List<Finding> sorted(List<Finding> findings) {
        String[] names = findings.stream().map(f -> f.location().name()).distinct().sorted().toArray(String[]::new);
        Map<String, Integer> rank = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) rank.put(names[i], i);
        List<Ranked> ranked = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            ranked.add(new Ranked(f, f.severity().ordinal(), f.location().kind().ordinal(), rank.get(f.location().name())));
        }
        ranked.sort(ORDER);
        List<Finding> out = new ArrayList<>(ranked.size());
        for (Ranked r : ranked) out.add(r.finding());
        return out;
    }

    /** Share of parameters (at any depth) whose schema bounds what the model may send. */
    static double schemaTightness(ScanSubject subject) {
        int total = 0;
        int tight = 0;
        for (ToolView tool : subject.tools()) {
            for (SchemaNode p : tool.namedProperties()) {
                total++;
                if (isTight(p)) tight++;
            }
        }
        return total == 0 ? 1.0 : (double) tight / total;
    }

    private static boolean isTight(SchemaNode p) {
        if (p.hasAllowlist()) return true;
        if (p.hasType("string")) return p.has("format") || p.has("maxLength");
        if (p.hasType("integer") || p.hasType("number")) return p.has("maximum") || p.has("exclusiveMaximum");
        if (p.hasType("array")) return p.has("maxItems");
        if (p.hasType("boolean")) return p.types().size() == 1;
        if (p.isObjectSchema()) return p.schema().path("additionalProperties").isBoolean()
                && !p.schema().path("additionalProperties").booleanValue();
        return false;
    }
}
