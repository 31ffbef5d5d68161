package dev.mcpworkbench.inspector.rules.docs;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.SchemaNode;
import dev.mcpworkbench.inspector.rules.text.Identifiers;
import dev.mcpworkbench.inspector.rules.surface.Routers;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.rules.text.VerbAndNouns;
import dev.mcpworkbench.inspector.rules.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** DOCS-005: a destructive tool whose description gives the model no reason to be careful. */
public final class DestructiveWithoutGuard implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("DOCS-005", "Destructive tool without guard text", Category.DOCS,
            Severity.LOW, List.of("MCP02"),
            "The description is where the model learns that an action is permanent or bounded; without it, deletion looks as casual as a lookup.");

    private static final Pattern GUARD = Words.anyOf("irreversible", "irreversibly", "permanent", "permanently",
            "cannot be undone", "can't be undone", "not be recoverable", "unrecoverable", "confirm", "confirmation",
            "caution", "careful", "carefully", "warning", "overwrites?", "backup", "dry[ -]?run", "preview",
            "only works within", "must be within", "within allowed", "at most", "limited to", "will fail",
            "destructive", "deletes? permanently", "use with care", "ask the user", "restricted to");

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
        for (ToolView tool : s.tools()) {
            if (!tool.destructive()) continue;
            // a router is as destructive as its most dangerous sub-operation
            Routers.Router router = Routers.of(tool);
            List<String> deleting = router == null ? List.of() : router.deleting();
            // Destructive only by the spec's default: report it when the name says it changes something; a
            // screenshot or a hover with readOnlyHint false is an annotation gap, not a missing warning.
            if (tool.hint("destructiveHint").isEmpty() && !looksMutating(tool) && deleting.isEmpty()) continue;
            if (Words.contains(tool.normalizedDescription(), GUARD) || hasDryRun(tool)) continue;
            if (router != null && Words.contains(Texts.normalize(router.selector().description()), GUARD)) continue;
            boolean byDefault = tool.hint("destructiveHint").isEmpty();
            String through = deleting.isEmpty() ? "" : " through its " + RuleSupport.list(deleting, 5) + " sub-operation" + (deleting.size() == 1 ? "" : "s");
            out.add(RuleSupport.finding(META, Severity.LOW,
                    "'" + tool.name() + "' is destructive" + (byDefault && deleting.isEmpty() ? " (by default)" : "") + through
                            + " and its description states no limit, irreversibility or confirmation",
                    tool.location("/description"), tool.description(), byDefault && deleting.isEmpty() ? FIX_BY_DEFAULT : FIX));
        }
        return out;
    }

    private static final String FIX = "Say what is removed or overwritten, that it cannot be undone, and any limits; offer a dryRun parameter.";
    /** A tool that only creates is not destructive: its author has only to say so, which clients believe. */
    private static final String FIX_BY_DEFAULT = "If the tool only adds (creates, posts, sends), declare annotations with"
            + " destructiveHint: false. If it can remove or overwrite, say what, that it cannot be undone, and any limits;"
            + " offer a dryRun parameter.";

    private static boolean looksMutating(ToolView tool) {
        return dev.mcpworkbench.inspector.rules.text.Vocabulary.MUTATING_VERBS.contains(VerbAndNouns.of(tool.nameWords()).verb());
    }

    private static boolean hasDryRun(ToolView tool) {
        for (SchemaNode p : tool.parameters()) {
            String n = Identifiers.squashed(p.propertyName());
            if (n.equals("dryrun") || n.equals("preview") || n.equals("confirm")) return true;
        }
        return false;
    }
}
