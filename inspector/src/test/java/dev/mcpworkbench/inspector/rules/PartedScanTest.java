package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.rules.Scanner.RuleOutcome;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A rule that claims to judge each tool and string alone is run on parts of a large server; what
 * it finds there must be what it finds on the whole server, for any size of part.
 */
class PartedScanTest {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::toString);

    @Test
    void everyRuleThatJudgesItemsAloneFindsOnPartsWhatItFindsOnTheWhole() throws Exception {
        int rulesWithFindings = checkEachOnParts(StaticRule::judgesItemsAlone, PartedScanTest::inParts);
        assertThat(rulesWithFindings).as("rules that find something here, so the comparison means something").isGreaterThanOrEqualTo(12);
    }

    @Test
    void everySurveyingRuleConcludesFromSurveysOfPartsWhatItFindsOnTheWhole() throws Exception {
        int rulesWithFindings = checkEachOnParts(rule -> rule instanceof SurveyingRule<?>,
                (rule, prepared, size) -> surveyedInParts((SurveyingRule<?>) rule, prepared, size));
        assertThat(rulesWithFindings).as("surveying rules that find something here").isGreaterThanOrEqualTo(3);
    }

    /** One way of running a rule on parts of a prepared subject. */
    private interface PartedRun {
        List<Finding> findings(StaticRule rule, ScanSubject prepared, int partSize);
    }

    /**
     * For every rule {@code which} selects: what it finds run {@code inParts} of 1, 7 and 100 tools
     * equals what it finds on the whole mixed server. Returns how many of them find something.
     */
    private static int checkEachOnParts(Predicate<StaticRule> which, PartedRun inParts) throws Exception {
        ServerSnapshot snapshot = ParallelScanTest.mixedServer();
        ScanSubject prepared = prepared(snapshot);
        int rulesWithFindings = 0;
        for (StaticRule rule : StaticRules.all()) {
            if (!which.test(rule)) continue;
            List<Finding> whole = sorted(rule.check(new ScanSubject(snapshot, ScanContext.defaults())));
            if (!whole.isEmpty()) rulesWithFindings++;
            for (int size : new int[] {1, 7, 100}) {
                assertThat(sorted(inParts.findings(rule, prepared, size))).as("%s in parts of %d tools", rule.id(), size).isEqualTo(whole);
            }
        }
        return rulesWithFindings;
    }

    private static <T> List<Finding> surveyedInParts(SurveyingRule<T> rule, ScanSubject prepared, int size) {
        int tools = prepared.tools().size();
        List<T> surveys = new ArrayList<>();
        for (int from = 0; from < tools; from += size) {
            ScanSubject part = prepared.slice(from, Math.min(tools, from + size));
            for (ToolView tool : part.tools()) surveys.add(rule.survey(tool, part));
        }
        return rule.conclude(surveys, prepared);
    }

    @Test
    void aRuleThatComparesToolsWouldBeCaught() throws Exception {
        // SURFACE-004 rates the server by how many capability classes all its tools have together
        StaticRule crossTool = StaticRules.byId("SURFACE-004").orElseThrow();
        assertThat(crossTool).isInstanceOf(SurveyingRule.class);
        ServerSnapshot snapshot = ParallelScanTest.mixedServer();
        List<Finding> whole = sorted(crossTool.check(new ScanSubject(snapshot, ScanContext.defaults())));
        assertThat(crossTool.judgesItemsAlone()).isFalse();
        assertThat(sorted(inParts(crossTool, prepared(snapshot), 1))).isNotEqualTo(whole);
    }

    @Test
    void theScannersPartedRunFindsWhatEachRuleFindsOnTheWhole() throws Exception {
        ServerSnapshot snapshot = ParallelScanTest.mixedServer();
        RuleOutcome[] outcomes = PartedEvaluation.run(StaticRules.all(), new ScanSubject(snapshot, ScanContext.defaults()), 5);
        for (int i = 0; i < outcomes.length; i++) {
            StaticRule rule = StaticRules.all().get(i);
            assertThat(outcomes[i].error()).as(rule.id()).isNull();
            assertThat(sorted(outcomes[i].findings())).as(rule.id())
                    .isEqualTo(sorted(rule.check(new ScanSubject(snapshot, ScanContext.defaults()))));
        }
    }

    @Test
    void aPartThatCannotBePreparedSendsTheScanBackToOneRuleAtATime() throws Exception {
        ServerSnapshot mixed = ParallelScanTest.mixedServer();
        List<JsonNode> tools = new ArrayList<>(mixed.tools());
        tools.set(100, new UnlistableTool((ObjectNode) tools.get(100)));
        ServerSnapshot snapshot = new ServerSnapshot("broken", mixed.initialize(), tools, mixed.resources(),
                mixed.resourceTemplates(), mixed.prompts());

        ScanResult result = StaticRules.scan(snapshot, ScanContext.defaults());

        List<Finding> oneAtATime = new ArrayList<>();
        List<String> failedRules = new ArrayList<>();
        for (StaticRule rule : StaticRules.all()) {
            try {
                oneAtATime.addAll(rule.check(new ScanSubject(snapshot, ScanContext.defaults())));
            } catch (IllegalStateException e) {
                failedRules.add(rule.id());
            }
        }
        assertThat(failedRules).as("rules that read the broken tool's strings").isNotEmpty();
        assertThat(result.errors()).hasSameSizeAs(failedRules).allSatisfy(error ->
                assertThat(failedRules).anySatisfy(id -> assertThat(error).startsWith(id + ": ")));
        assertThat(sorted(result.findings())).hasSizeGreaterThan(100).isEqualTo(sorted(oneAtATime));
    }

    /** A tool whose members cannot be listed, as a JSON tree broken in memory: preparing it fails. */
    private static final class UnlistableTool extends ObjectNode {
        UnlistableTool(ObjectNode tool) {
            super(JsonNodeFactory.instance, copyOf(tool));
        }

        private static Map<String, JsonNode> copyOf(ObjectNode tool) {
            Map<String, JsonNode> members = new LinkedHashMap<>();
            tool.properties().forEach(e -> members.put(e.getKey(), e.getValue()));
            return members;
        }

        @Override
        public Set<Map.Entry<String, JsonNode>> properties() {
            throw new IllegalStateException("the members of this tool cannot be listed");
        }
    }

    private static ScanSubject prepared(ServerSnapshot snapshot) {
        ScanSubject subject = new ScanSubject(snapshot, ScanContext.defaults());
        subject.prepare();
        return subject;
    }

    private static List<Finding> inParts(StaticRule rule, ScanSubject prepared, int size) {
        int tools = prepared.tools().size();
        List<Finding> found = new ArrayList<>();
        for (int from = 0; from < tools; from += size) found.addAll(rule.check(prepared.slice(from, Math.min(tools, from + size))));
        found.addAll(rule.check(prepared.rest()));
        return found;
    }

    private static List<Finding> sorted(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(ORDER);
        return out;
    }
}
