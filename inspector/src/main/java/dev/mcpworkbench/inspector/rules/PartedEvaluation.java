package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.Scanner.RuleOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

/**
 * Prepares and scans a large server part by part, across the cores. One task per part of at most
 * {@link #PART_SIZE} tools prepares them (schemas, strings, token counts), runs every rule that
 * judges items alone ({@link StaticRule#judgesItemsAlone()}) on them and lets every {@link
 * SurveyingRule} survey them, while the part's data is still in that core's cache: run rule by
 * rule over the whole server, 10,000 tools (half a million strings) made each rule 15 to 30 times
 * slower than 1,000 did. Then the surveying rules conclude, and the remaining rules run on the
 * whole subject, beside the rest of the server (instructions, resources, templates, prompts).
 */
final class PartedEvaluation {

    /** Tools per part at most: their data stays within a core's cache while some twenty rules read it. */
    static final int PART_SIZE = 256;

    private PartedEvaluation() {
    }

    /** Parts small enough to give every core several (so one slow part does not hold the others up), within {@link #PART_SIZE}. */
    static int partSize(int tools) {
        int perCore = Math.ceilDiv(tools, 4 * Runtime.getRuntime().availableProcessors());
        return Math.max(16, Math.min(PART_SIZE, perCore));
    }

    /**
     * The outcome of every rule on {@code subject}, which must be new (not prepared); null when
     * preparing a part failed, and the caller should scan rule by rule on a lazy subject.
     */
    static RuleOutcome[] run(List<StaticRule> rules, ScanSubject subject, int partSize) {
        List<Integer> alone = new ArrayList<>();
        List<Integer> surveying = new ArrayList<>();
        List<Integer> whole = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            StaticRule rule = rules.get(i);
            (rule instanceof SurveyingRule<?> ? surveying : rule.judgesItemsAlone() ? alone : whole).add(i);
        }
        int toolCount = subject.snapshot().tools().size();
        int slices = Math.ceilDiv(toolCount, partSize);
        RuleOutcome[][] byPart = new RuleOutcome[slices + 1][]; // the last part is the rest: instructions, resources, prompts
        Object[][] surveys = new Object[surveying.size()][toolCount];
        AtomicReferenceArray<String> surveyErrors = new AtomicReferenceArray<>(surveying.size());
        AtomicBoolean unprepared = new AtomicBoolean();
        try {
            subject.beginPreparation();
        } catch (RuntimeException | StackOverflowError e) {
            return failed(subject, e);
        }
        IntStream.range(0, slices).parallel().forEach(part -> {
            int from = part * partSize;
            int to = Math.min(toolCount, from + partSize);
            try {
                subject.prepareTools(from, to);
            } catch (RuntimeException | StackOverflowError e) {
                failed(subject, e);
                unprepared.set(true);
                return;
            }
            ScanSubject s = subject.slice(from, to);
            byPart[part] = runAll(rules, alone, s);
            for (int k = 0; k < surveying.size(); k++) {
                String error = survey((SurveyingRule<?>) rules.get(surveying.get(k)), s, surveys[k], from);
                if (error != null) surveyErrors.compareAndSet(k, null, error);
            }
        });
        if (unprepared.get()) return null;
        try {
            subject.endPreparation();
        } catch (RuntimeException | StackOverflowError e) {
            return failed(subject, e);
        }
        RuleOutcome[] outcomes = new RuleOutcome[rules.size()];
        IntStream.range(0, whole.size() + surveying.size() + 1).parallel().forEach(task -> {
            if (task < whole.size()) {
                int r = whole.get(task);
                outcomes[r] = Scanner.run(rules.get(r), subject);
            } else if (task < whole.size() + surveying.size()) {
                int k = task - whole.size();
                int r = surveying.get(k);
                String error = surveyErrors.get(k);
                outcomes[r] = error != null ? new RuleOutcome(List.of(), error)
                        : Scanner.run(conclusion((SurveyingRule<?>) rules.get(r), surveys[k]), subject);
            } else {
                byPart[slices] = runAll(rules, alone, subject.rest());
            }
        });
        for (int k = 0; k < alone.size(); k++) outcomes[alone.get(k)] = joined(byPart, k);
        return outcomes;
    }

    private static RuleOutcome[] runAll(List<StaticRule> rules, List<Integer> which, ScanSubject part) {
        RuleOutcome[] found = new RuleOutcome[which.size()];
        for (int k = 0; k < which.size(); k++) found[k] = Scanner.run(rules.get(which.get(k)), part);
        return found;
    }

    private static RuleOutcome[] failed(ScanSubject subject, Throwable e) {
        Scanner.preparationFailed(subject, e);
        return null;
    }

    /** Surveys a part's tools into {@code into}, at their index in the whole server; the error, if the rule failed. */
    private static String survey(SurveyingRule<?> rule, ScanSubject part, Object[] into, int from) {
        try {
            List<ToolView> tools = part.tools();
            for (int j = 0; j < tools.size(); j++) into[from + j] = rule.survey(tools.get(j), part);
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            return rule.id() + ": " + e;
        }
    }

    /** The rule's conclusion from the surveys it made, as a rule of its own for {@link Scanner#run}. */
    @SuppressWarnings("unchecked") // every entry was made by this rule's survey(), which returns T
    private static <T> StaticRule conclusion(SurveyingRule<T> rule, Object[] surveys) {
        List<T> typed = (List<T>) Arrays.asList(surveys);
        return new Concluding<>(rule, typed);
    }

    private record Concluding<T>(SurveyingRule<T> rule, List<T> surveys) implements StaticRule {
        @Override
        public RuleMetadata metadata() {
            return rule.metadata();
        }

        @Override
        public List<Finding> check(ScanSubject subject) {
            return rule.conclude(surveys, subject);
        }
    }

    /** One rule's findings over all parts, in part order; a failure in any part fails the rule, as on the whole subject. */
    private static RuleOutcome joined(RuleOutcome[][] byPart, int k) {
        List<Finding> findings = new ArrayList<>();
        for (RuleOutcome[] part : byPart) {
            RuleOutcome outcome = part[k];
            if (outcome.error() != null) return new RuleOutcome(List.of(), outcome.error());
            findings.addAll(outcome.findings());
        }
        return new RuleOutcome(findings, null);
    }
}
