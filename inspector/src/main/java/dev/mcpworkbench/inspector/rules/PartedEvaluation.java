package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.Scanner.RuleOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs the rules on a prepared subject of a large server, across the cores. Rules that judge each
 * tool and string alone ({@link StaticRule#judgesItemsAlone()}) run part by part: all of them on
 * one part of {@link #PART_SIZE} tools, then on the next, so a part's tools, schemas and strings
 * are fetched from memory once and then read from cache by every such rule. Run rule by rule,
 * 10,000 tools (half a million strings) made each rule 15 to 30 times slower than 1,000 did. The
 * other rules run on the whole subject, as tasks beside the parts.
 */
final class PartedEvaluation {

    /** Tools per part: their data stays within a core's cache while some twenty rules read it. */
    static final int PART_SIZE = 256;

    private PartedEvaluation() {
    }

    static RuleOutcome[] run(List<StaticRule> rules, ScanSubject subject, int partSize) {
        List<Integer> alone = new ArrayList<>();
        List<Integer> whole = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) (rules.get(i).judgesItemsAlone() ? alone : whole).add(i);
        int toolCount = subject.tools().size();
        int slices = (toolCount + partSize - 1) / partSize;
        RuleOutcome[] outcomes = new RuleOutcome[rules.size()];
        RuleOutcome[][] byPart = new RuleOutcome[slices + 1][]; // the last part is the rest: instructions, resources, prompts
        IntStream.range(0, whole.size() + slices + 1).parallel().forEach(task -> {
            if (task < whole.size()) {
                int r = whole.get(task);
                outcomes[r] = Scanner.run(rules.get(r), subject);
                return;
            }
            int part = task - whole.size();
            ScanSubject s = part == slices ? subject.rest() : subject.slice(part * partSize, Math.min(toolCount, (part + 1) * partSize));
            RuleOutcome[] found = new RuleOutcome[alone.size()];
            for (int k = 0; k < alone.size(); k++) found[k] = Scanner.run(rules.get(alone.get(k)), s);
            byPart[part] = found;
        });
        for (int k = 0; k < alone.size(); k++) outcomes[alone.get(k)] = joined(byPart, k);
        return outcomes;
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
