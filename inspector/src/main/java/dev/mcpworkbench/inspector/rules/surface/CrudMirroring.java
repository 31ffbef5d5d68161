package dev.mcpworkbench.inspector.rules.surface;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.text.VerbAndNouns;
import dev.mcpworkbench.inspector.rules.text.Identifiers;
import dev.mcpworkbench.inspector.rules.text.Vocabulary;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SURFACE-003: tools that mirror the create/read/update/delete endpoints of a data model,
 * noun by noun, instead of serving outcomes.
 */
public final class CrudMirroring implements SurveyingRule<CrudMirroring.Operation> {

    public static final RuleMetadata META = RuleSupport.meta("SURFACE-003", "CRUD mirroring", Category.SURFACE,
            Severity.LOW, List.of("MCP02"),
            "A tool per verb and noun copies an API into the model's context: more tools, more calls per task, and every write verb exposed separately.");

    static final RuleSetting MIN_TOOLS = RuleSetting.of("minTools", 3, "tools sharing a noun with different CRUD verbs before the finding");

    @Override
    public List<RuleSetting> settings() {
        return List.of(MIN_TOOLS);
    }

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    private record Group(Set<String> tools, Set<String> verbs, Set<Vocabulary.Crud> classes) {
    }

    /** A tool named verb + nouns: its verb, the verb's CRUD class, and the nouns in singular. */
    public record Operation(String verb, Vocabulary.Crud crud, List<String> nouns) {
    }

    @Override
    public Operation survey(ToolView tool, ScanSubject s) {
        if (tool.nameWords().size() < 2) return null;
        // verb and noun in any order and case style: create_job, job_create, jobCreate, job-create
        VerbAndNouns name = VerbAndNouns.of(tool.nameWords());
        Vocabulary.Crud crud = name.crud();
        if (crud == null) return null;
        List<String> nouns = new ArrayList<>();
        for (String noun : name.nouns()) if (noun.length() >= 3) nouns.add(noun);
        return nouns.isEmpty() ? null : new Operation(name.verb(), crud, nouns);
    }

    /**
     * Words that open a large share of the server's tool names ({@code slack_}, {@code API-},
     * {@code kubectl_}) name the server or its CLI, not a noun of its data model: tools sharing
     * them mirror nothing.
     */
    private static Set<String> serverPrefixes(ScanSubject s) {
        Map<String, Integer> firstWords = new TreeMap<>();
        for (ToolView tool : s.tools()) {
            if (tool.nameWords().size() >= 2) firstWords.merge(Identifiers.singular(tool.nameWords().get(0)), 1, Integer::sum);
        }
        Set<String> prefixes = new java.util.HashSet<>();
        firstWords.forEach((word, count) -> {
            if (count >= 3 && count * 5 >= s.tools().size() * 2) prefixes.add(word);
        });
        return prefixes;
    }

    @Override
    public List<Finding> conclude(List<Operation> operations, ScanSubject s) {
        Map<String, Group> byNoun = new TreeMap<>();
        Set<String> prefixes = serverPrefixes(s);
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            if (op == null) continue;
            for (String noun : op.nouns()) {
                if (prefixes.contains(noun)) continue;
                Group g = byNoun.computeIfAbsent(noun,
                        k -> new Group(new LinkedHashSet<>(), new LinkedHashSet<>(), EnumSet.noneOf(Vocabulary.Crud.class)));
                g.tools().add(s.tools().get(i).name());
                g.verbs().add(op.verb());
                g.classes().add(op.crud());
            }
        }
        Set<String> mirroringTools = new LinkedHashSet<>();
        List<String> nouns = new ArrayList<>();
        for (Map.Entry<String, Group> e : byNoun.entrySet()) {
            Group g = e.getValue();
            if (g.verbs().size() >= 2 && g.classes().size() >= 2) {
                mirroringTools.addAll(g.tools());
                nouns.add(e.getKey() + " (" + String.join("/", g.verbs()) + ")");
            }
        }
        int min = s.settings().integer(META.id(), MIN_TOOLS);
        if (mirroringTools.size() < min) return List.of();
        return List.of(RuleSupport.finding(META, Severity.LOW,
                mirroringTools.size() + " tools mirror CRUD operations on " + RuleSupport.list(nouns, 6),
                Location.server(), RuleSupport.list(new ArrayList<>(mirroringTools), 12),
                "Design tools around what a user wants done (e.g. one 'organize_files' or 'remember_facts' tool) rather than one tool per verb and noun; keep destructive verbs separate and guarded."));
    }
}
