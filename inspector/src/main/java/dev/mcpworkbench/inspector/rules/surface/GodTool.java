package dev.mcpworkbench.inspector.rules.surface;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.SchemaNode;
import dev.mcpworkbench.inspector.rules.text.Identifiers;
import dev.mcpworkbench.inspector.rules.text.VerbAndNouns;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.rules.text.Words;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** SURFACE-005: one tool whose "action" parameter multiplexes many operations, reads and writes alike. */
public final class GodTool implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("SURFACE-005", "God tool", Category.SURFACE,
            Severity.MEDIUM, List.of("MCP02"),
            "A tool that does everything cannot carry honest annotations: clients and users approve the read branch and get the delete branch.");

    private static final Pattern ANY_SCOPE = Words.anyOf("(?:perform|do|execute|run|handle)s? (?:any|all|every) (?:operations?|actions?|tasks?|commands?)",
            "do anything", "does everything", "any operation", "all operations");

    static final RuleSetting MAX_VERBS = RuleSetting.of("maxVerbs", 5, "distinct operations above which a router is a god tool");

    @Override
    public List<RuleSetting> settings() {
        return List.of(MAX_VERBS);
    }

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public boolean judgesItemsAlone() {
        return true;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        List<Finding> out = new ArrayList<>();
        int maxVerbs = s.settings().integer(META.id(), MAX_VERBS);
        for (ToolView tool : s.tools()) {
            Routers.Router router = Routers.of(tool);
            if (router != null) {
                SchemaNode p = router.selector();
                Set<String> verbs = new LinkedHashSet<>();
                for (String op : router.operations()) {
                    VerbAndNouns reading = VerbAndNouns.of(op);
                    verbs.add(reading.hasVerb() ? reading.verb() : op.toLowerCase(java.util.Locale.ROOT));
                }
                boolean reads = router.hasRead();
                boolean writes = router.hasMutating();
                if (router.operations().isEmpty()) {
                    out.add(RuleSupport.finding(META, Severity.MEDIUM,
                            "'" + tool.name() + "' selects sub-operations through '" + p.propertyName()
                                    + "' and lists them only at run time (a help mode): its surface cannot be reviewed",
                            tool.location(p.pointer()), p.propertyName() + ": " + Texts.clip(p.description(), 200),
                            "List the operations in an enum so clients and reviewers can see them, or split them into tools."));
                } else if ((reads && writes) || verbs.size() > maxVerbs) {
                    String why = reads && writes ? "mixes read and write operations" : verbs.size() + " distinct operations";
                    out.add(RuleSupport.finding(META, Severity.MEDIUM,
                            "'" + tool.name() + "' multiplexes operations through '" + p.propertyName() + "' and " + why
                                    + annotationNote(tool, writes),
                            tool.location(p.pointer()), RuleSupport.list(router.operations(), 20),
                            "Split the tool so each has one purpose and annotations that are true for all its behaviour; at least separate reads from writes."));
                }
            }
            int[] any = mayClaimAnyScope(tool.normalizedDescription()) ? Words.find(tool.normalizedDescription(), ANY_SCOPE) : null;
            if (any != null) {
                out.add(RuleSupport.finding(META, Severity.MEDIUM,
                        "'" + tool.name() + "' claims an unbounded scope in its description",
                        tool.location("/description"), tool.normalizedDescription().substring(any[0], any[1]),
                        "Describe and implement a bounded purpose; split broad tools by outcome."));
            }
        }
        return out;
    }

    /**
     * Every ANY_SCOPE match contains one of these (" all " rather than "all": "call" and "allow"
     * are in most descriptions): a cheap check before the regex.
     */
    private static final String[] ANY_SCOPE_HINTS = {" any", " every", " all ", "any operation", "all operation"};

    private static boolean mayClaimAnyScope(String normalized) {
        for (String hint : ANY_SCOPE_HINTS) if (normalized.contains(hint)) return true;
        return false;
    }

    private static String annotationNote(ToolView tool, boolean writes) {
        if (writes && tool.hint("readOnlyHint").orElse(false)) return "; it is annotated read-only although some operations write";
        if (writes && tool.hint("destructiveHint").map(d -> !d).orElse(false)) return "; it is annotated non-destructive although some operations write";
        return "";
    }
}
