package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.suppress.Suppression;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs static rules on a snapshot: {@code Scanner.scan(snapshot, context, rules)}; the catalog's
 * {@code StaticRules.scan(snapshot, context)} passes every registered one. The engine takes its
 * rules as an argument and never names one. Thread-safe and stateless; each scan builds its own
 * {@link ScanSubject}.
 */
public final class Scanner {

    private static final Logger LOG = LoggerFactory.getLogger(Scanner.class);

    private Scanner() {
    }

    public static ScanResult scan(ServerSnapshot snapshot, ScanContext context, List<StaticRule> rules) {
        ScanContext ctx = context == null ? ScanContext.defaults() : context;
        ScanSubject subject = new ScanSubject(snapshot, ctx);
        List<String> errors = new ArrayList<>(snapshot.listErrors());
        RuleOutcome[] outcomes = null;
        if (snapshot.tools().size() >= ScanSubject.PARALLEL_FROM) {
            outcomes = PartedEvaluation.run(rules, subject, PartedEvaluation.partSize(snapshot.tools().size()));
        } else if (prepare(subject)) {
            outcomes = oneByOne(rules, subject);
        }
        if (outcomes == null) {
            // preparing failed: the rules run one at a time on a lazy subject; the one that needs the broken part fails alone
            subject = new ScanSubject(snapshot, ctx);
            outcomes = oneByOne(rules, subject);
        }
        List<Finding> raw = new ArrayList<>();
        for (RuleOutcome outcome : outcomes) {
            raw.addAll(outcome.findings());
            if (outcome.error() != null) errors.add(outcome.error());
        }
        raw.addAll(ctx.extraFindings());
        return result(subject, raw, errors, rules);
    }

    /** What one rule found, or why it failed (then nothing it found counts). */
    record RuleOutcome(List<Finding> findings, String error) {
    }

    private static boolean prepare(ScanSubject subject) {
        try {
            subject.prepare();
            return true;
        } catch (RuntimeException | StackOverflowError e) {
            preparationFailed(subject, e);
            return false;
        }
    }

    static void preparationFailed(ScanSubject subject, Throwable e) {
        LOG.warn("Preparing the scan of {} failed: {}", subject.snapshot().serverName(), e.toString());
    }

    private static RuleOutcome[] oneByOne(List<StaticRule> rules, ScanSubject subject) {
        RuleOutcome[] outcomes = new RuleOutcome[rules.size()];
        for (int i = 0; i < rules.size(); i++) outcomes[i] = run(rules.get(i), subject);
        return outcomes;
    }

    static RuleOutcome run(StaticRule rule, ScanSubject subject) {
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
                suppressed.size(), subject.toolListTokens(), subject.schemaTightness());
        return new ScanResult(active, suppressed, summary, List.copyOf(rules), errors);
    }

    /**
     * Findings in report order: severity, then where (kind, name), then rule and pointer, ties in
     * the order found. A thousand tools give thousands of findings whose names share long prefixes
     * ({@code read_file_1}, {@code read_file_12}); comparing those strings at every step of a sort
     * was most of a rescan's ordering time. So each distinct name and rule id is ranked once, and
     * the findings sort as packed numbers; only findings with the same rule at the same item
     * compare their pointers.
     */
    static List<Finding> sorted(List<Finding> findings) {
        int n = findings.size();
        if (n > MAX_PACKED_INDEX) return sortedByComparator(findings);
        Map<String, Integer> names = ranks(findings, f -> f.location().name());
        Map<String, Integer> rules = ranks(findings, Finding::ruleId);
        if (names.size() > MAX_NAME_RANK || rules.size() > MAX_RULE_RANK) return sortedByComparator(findings);
        long[] keys = new long[n];
        IntStream indexes = IntStream.range(0, n);
        (n >= PARALLEL_SORT_FROM ? indexes.parallel() : indexes).forEach(i -> {
            Finding f = findings.get(i);
            long place = ((long) f.severity().ordinal() << 4 | f.location().kind().ordinal()) << NAME_BITS
                    | names.get(f.location().name());
            keys[i] = ((place << RULE_BITS | rules.get(f.ruleId())) << INDEX_BITS) | i;
        });
        if (n >= PARALLEL_SORT_FROM) Arrays.parallelSort(keys);
        else Arrays.sort(keys);
        List<Finding> out = new ArrayList<>(n);
        for (int start = 0; start < n; ) {
            int end = start + 1;
            while (end < n && keys[end] >>> INDEX_BITS == keys[start] >>> INDEX_BITS) end++;
            int from = out.size();
            for (int i = start; i < end; i++) out.add(findings.get((int) (keys[i] & MAX_PACKED_INDEX)));
            if (end - start > 1) out.subList(from, out.size()).sort(BY_POINTER); // stable: ties keep the order found
            start = end;
        }
        return out;
    }

    private static final int INDEX_BITS = 21;
    private static final int RULE_BITS = 10;
    private static final int NAME_BITS = 24;
    private static final int MAX_PACKED_INDEX = (1 << INDEX_BITS) - 1;
    private static final int MAX_RULE_RANK = (1 << RULE_BITS) - 1;
    private static final int MAX_NAME_RANK = (1 << NAME_BITS) - 1;
    private static final Comparator<Finding> BY_POINTER = Comparator.comparing(f -> f.location().jsonPointer());
    private static final Comparator<Finding> ORDER = Comparator.<Finding>comparingInt(f -> f.severity().ordinal())
            .thenComparingInt(f -> f.location().kind().ordinal())
            .thenComparing(f -> f.location().name())
            .thenComparing(Finding::ruleId)
            .thenComparing(BY_POINTER);

    /** For more findings or names than the packed keys hold: a server no one would ship. */
    private static List<Finding> sortedByComparator(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(ORDER);
        return out;
    }

    /** Ten thousand tools give some 30,000 findings: ordering them alone would leave the other cores idle. */
    private static final int PARALLEL_SORT_FROM = 8_192;

    private static Map<String, Integer> ranks(List<Finding> findings, Function<Finding, String> key) {
        String[] distinct;
        if (findings.size() >= PARALLEL_SORT_FROM) {
            distinct = findings.parallelStream().map(key).unordered().distinct().toArray(String[]::new);
            Arrays.parallelSort(distinct);
        } else {
            distinct = findings.stream().map(key).distinct().sorted().toArray(String[]::new);
        }
        Map<String, Integer> rank = new HashMap<>(distinct.length * 2);
        for (int i = 0; i < distinct.length; i++) rank.put(distinct[i], i);
        return rank;
    }
}
