package dev.mcpworkbench.inspector.rules.docs;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.surface.UrlsAndPaths;
import dev.mcpworkbench.inspector.rules.surface.Routers;
import dev.mcpworkbench.inspector.rules.SchemaNode;
import dev.mcpworkbench.inspector.rules.text.Vocabulary;
import dev.mcpworkbench.inspector.rules.text.VerbAndNouns;
import java.util.ArrayList;
import java.util.List;

/** DOCS-004: annotations that promise less risk than the tool's name and parameters show. */
public final class AnnotationContradiction implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("DOCS-004", "Annotation contradicts behaviour", Category.DOCS,
            Severity.HIGH, List.of("MCP03"),
            "Clients auto-approve tools that claim to be read-only or non-destructive; a false hint turns that convenience into unconfirmed writes and deletions.");

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
            String verb = VerbAndNouns.of(tool.nameWords()).verb();
            if (tool.hint("readOnlyHint").orElse(false) && Vocabulary.MUTATING_VERBS.contains(verb)) {
                out.add(contradiction(tool, "/annotations/readOnlyHint",
                        "'" + tool.name() + "' is annotated read-only but its name says '" + verb + "'",
                        "Set readOnlyHint to false (and destructiveHint to true if it removes or overwrites data)."));
            }
            if (tool.hint("destructiveHint").map(d -> !d).orElse(false) && Vocabulary.DELETE_VERBS.contains(verb)) {
                out.add(contradiction(tool, "/annotations/destructiveHint",
                        "'" + tool.name() + "' is annotated non-destructive but its name says '" + verb + "'",
                        "Set destructiveHint to true so clients ask before calling it."));
            }
            Routers.Router router = Routers.of(tool);
            if (router != null) routerContradictions(tool, router, verb, out);
            if (tool.hint("openWorldHint").map(o -> !o).orElse(false)) {
                for (SchemaNode p : tool.parameters()) {
                    // a URL the tool only stores or returns (a logo, a redirect, a field of the record it creates) reaches no open world
                    if (UrlsAndPaths.isFetchedUrl(p, tool) && !p.hasAllowlist()) {
                        out.add(contradiction(tool, "/annotations/openWorldHint",
                                "'" + tool.name() + "' is annotated closed-world but opens an arbitrary URL given in '" + p.propertyName() + "'",
                                "Set openWorldHint to true, or restrict the URL to the server's own domain with a pattern."));
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** A router's hints must fit its most dangerous sub-operation. */
    private static void routerContradictions(ToolView tool, Routers.Router router, String nameVerb, List<Finding> out) {
        if (tool.hint("readOnlyHint").orElse(false) && router.hasMutating() && !Vocabulary.MUTATING_VERBS.contains(nameVerb)) {
            out.add(contradiction(tool, "/annotations/readOnlyHint",
                    "'" + tool.name() + "' is annotated read-only but its '" + router.selector().propertyName() + "' selects writing sub-operations",
                    "Set readOnlyHint to false, or split the writing sub-operations into their own tool."));
        }
        List<String> deleting = router.deleting();
        if (tool.hint("destructiveHint").map(d -> !d).orElse(false) && !deleting.isEmpty() && !Vocabulary.DELETE_VERBS.contains(nameVerb)) {
            out.add(contradiction(tool, "/annotations/destructiveHint",
                    "'" + tool.name() + "' is annotated non-destructive but can " + RuleSupport.list(deleting, 5),
                    "Set destructiveHint to true, or move the deleting sub-operations into a separate, guarded tool."));
        }
    }

    private static Finding contradiction(ToolView tool, String pointer, String message, String fix) {
        return RuleSupport.finding(META, Severity.HIGH, message, tool.location(pointer),
                tool.raw().path("annotations").toString(), fix);
    }
}
