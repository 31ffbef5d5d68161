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

    private final List<StaticRule> rules;
    private final ScanSubject subject;
    private final int partSize;
    private final int toolCount;
    private final int slices;
    // rule indexes by how they run: on parts, surveying parts then concluding, on the whole subject
    private final List<Integer> alone = new ArrayList<>();
    private final List<Integer> surveying = new ArrayList<>();
    private final List<Integer> whole = new ArrayList<>();
    private final RuleOutcome[][] byPart; // per part, the outcome of each rule in alone; the last part is the rest
    private final Object[][] surveys; // per surveying rule, its survey of each tool
    private final AtomicReferenceArray<String> surveyErrors;
    private final AtomicBoolean unprepared = new AtomicBoolean();
    private final RuleOutcome[] outcomes;

    private PartedEvaluation(List<StaticRule> rules, ScanSubject subject, int partSize) {
        this.rules = rules;
        this.subject = subject;
        this.partSize = partSize;
        for (int i = 0; i < rules.size(); i++) {
            StaticRule rule = rules.get(i);
            (rule instanceof SurveyingRule<?> ? surveying : rule.judgesItemsAlone() ? alone : whole).add(i);
        }
        toolCount = subject.snapshot().tools().size();
        slices = Math.ceilDiv(toolCount, partSize);
        byPart = new RuleOutcome[slices + 1][];
        surveys = new Object[surveying.size()][toolCount];
        surveyErrors = new AtomicReferenceArray<>(surveying.size());
        outcomes = new RuleOutcome[rules.size()];
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
        return new PartedEvaluation(rules, subject, partSize).run();
    }

    private RuleOutcome[] run() {
        try {
            subject.beginPreparation();
            IntStream.range(0, slices).parallel().forEach(this::prepareAndRunPart);
            if (unprepared.get()) return null;
            subject.endPreparation();
        } catch (RuntimeException | StackOverflowError e) {
            Scanner.preparationFailed(subject, e);
            return null;
        }
        IntStream.range(0, whole.size() + surveying.size() + 1).parallel().forEach(this::runOnWhole);
        for (int k = 0; k < alone.size(); k++) outcomes[alone.get(k)] = joined(k);
        return outcomes;
    }

    private void prepareAndRunPart(int part) {
        int from = part * partSize;
        int to = Math.min(toolCount, from + partSize);
        ScanSubject s;
        try {
            s = subject.prepareSlice(from, to); // the part's strings live as long as this task
        } catch (RuntimeException | StackOverflowError e) {
            Scanner.preparationFailed(subject, e);
            unprepared.set(true);
            return;
        }
        byPart[part] = runAll(alone, s);
        for (int k = 0; k < surveying.size(); k++) {
            String error = survey((SurveyingRule<?>) rules.get(surveying.get(k)), s, surveys[k], from);
            if (error != null) surveyErrors.compareAndSet(k, null, error);
        }
    }

    /** Task {@code task}: a rule on the whole subject, a surveying rule's conclusion, or (the last) the item rules on the rest. */
    private void runOnWhole(int task) {
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
            byPart[slices] = runAll(alone, subject.rest());
        }
    }

    private RuleOutcome[] runAll(List<Integer> which, ScanSubject part) {
        RuleOutcome[] found = new RuleOutcome[which.size()];
        for (int k = 0; k < which.size(); k++) found[k] = Scanner.run(rules.get(which.get(k)), part);
        return found;
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
    private RuleOutcome joined(int k) {
        List<Finding> findings = new ArrayList<>();
        for (RuleOutcome[] part : byPart) {
            RuleOutcome outcome = part[k];
            if (outcome.error() != null) return new RuleOutcome(List.of(), outcome.error());
            findings.addAll(outcome.findings());
        }
        return new RuleOutcome(findings, null);
    }
}
