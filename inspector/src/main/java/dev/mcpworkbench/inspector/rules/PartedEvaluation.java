package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.Scanner.RuleOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

/**
 * Runs the rules on a prepared subject of a large server, across the cores, part by part: on one
 * part of {@link #PART_SIZE} tools, every rule that judges items alone ({@link
 * StaticRule#judgesItemsAlone()}) runs and every {@link SurveyingRule} surveys the part's tools,
 * then the next part. A part's tools, schemas and strings are fetched from memory once and then
 * read from cache by all those rules: run rule by rule, 10,000 tools (half a million strings) made
 * each rule 15 to 30 times slower than 1,000 did. Surveying rules conclude once all parts are
 * read; the remaining rules run on the whole subject, as tasks beside the parts.
 */
final class PartedEvaluation {

    /** Tools per part: their data stays within a core's cache while some twenty rules read it. */
    static final int PART_SIZE = 256;

    private PartedEvaluation() {
    }

    static RuleOutcome[] run(List<StaticRule> rules, ScanSubject subject, int partSize) {
        List<Integer> alone = new ArrayList<>();
        List<Integer> surveying = new ArrayList<>();
        List<Integer> whole = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            StaticRule rule = rules.get(i);
            (rule instanceof SurveyingRule<?> ? surveying : rule.judgesItemsAlone() ? alone : whole).add(i);
        }
        int toolCount = subject.tools().size();
        int slices = (toolCount + partSize - 1) / partSize;
        RuleOutcome[] outcomes = new RuleOutcome[rules.size()];
        RuleOutcome[][] byPart = new RuleOutcome[slices + 1][]; // the last part is the rest: instructions, resources, prompts
        Object[][] surveys = new Object[surveying.size()][toolCount];
        AtomicReferenceArray<String> surveyErrors = new AtomicReferenceArray<>(surveying.size());
        IntStream.range(0, whole.size() + slices + 1).parallel().forEach(task -> {
            if (task < whole.size()) {
                int r = whole.get(task);
                outcomes[r] = Scanner.run(rules.get(r), subject);
                return;
            }
            int part = task - whole.size();
            int from = part * partSize;
            ScanSubject s = part == slices ? subject.rest() : subject.slice(from, Math.min(toolCount, from + partSize));
            RuleOutcome[] found = new RuleOutcome[alone.size()];
            for (int k = 0; k < alone.size(); k++) found[k] = Scanner.run(rules.get(alone.get(k)), s);
            byPart[part] = found;
            for (int k = 0; k < surveying.size(); k++) {
                String error = survey((SurveyingRule<?>) rules.get(surveying.get(k)), s, surveys[k], from);
                if (error != null) surveyErrors.compareAndSet(k, null, error);
            }
        });
        for (int k = 0; k < alone.size(); k++) outcomes[alone.get(k)] = joined(byPart, k);
        IntStream.range(0, surveying.size()).parallel().forEach(k -> {
            int r = surveying.get(k);
            String error = surveyErrors.get(k);
            outcomes[r] = error != null ? new RuleOutcome(List.of(), error)
                    : Scanner.run(conclusion((SurveyingRule<?>) rules.get(r), surveys[k]), subject);
        });
        return outcomes;
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
