package dev.mcpworkbench.inspector.rules.schema;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.surface.Capabilities;
import dev.mcpworkbench.inspector.rules.surface.Routers;
import dev.mcpworkbench.inspector.rules.text.Identifiers;
import dev.mcpworkbench.inspector.rules.text.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** SCHEMA-004: a parameter that is source code for an interpreter (SQL, shell, a script language). */
public final class RawInterpreterParameter implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("SCHEMA-004", "Raw interpreter parameter", Category.SCHEMA,
            Severity.HIGH, List.of("MCP05"),
            "A parameter that is executed as SQL, shell or code makes prompt injection equal to command injection: the schema can no longer constrain the action.");

    private static final Set<String> ALWAYS = Set.of("sql", "command", "cmd", "shell", "script", "code", "expression",
            "eval", "shellcommand", "commandline", "bashcommand", "sqlquery", "rawsql", "cypher", "cypherquery",
            "pythoncode", "jscode", "javascript", "sourcecode");
    private static final Set<String> LANGUAGE_PREFIXES = Set.of("sql", "shell", "bash", "sh", "python", "py", "js",
            "javascript", "node", "ruby", "lua", "raw", "cypher", "powershell");

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
            for (SchemaNode p : tool.namedProperties()) {
                if (p.role() != SchemaNode.Role.PROPERTY || p.hasAllowlist()) continue;
                boolean text = p.types().isEmpty() || p.hasType("string");
                // SQL given under another name, or as a list of statements: judged by what the description says it holds
                boolean sqlList = p.hasType("array") && p.schema().path("items").path("type").asText("").equals("string") && Capabilities.holdsSql(p);
                if (!(text && (isInterpreterInput(p, tool) || Capabilities.holdsSql(p))) && !sqlList) continue;
                // a router's selector names a sub-command from a fixed list: SURFACE-005 judges the router
                if (Routers.isSelector(p, tool)) continue;
                out.add(RuleSupport.finding(META, Severity.HIGH,
                        "'" + tool.name() + "' takes raw interpreter input in '" + p.propertyName() + "'",
                        tool.location(p.pointer()), p.propertyName() + (p.description().isEmpty() ? "" : ": " + p.description()),
                        "Replace the free-form program text with specific parameters (table, filters, an operation enum) and build the statement server-side with parameter binding."));
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern EXECUTION_CUE = dev.mcpworkbench.inspector.rules.text.Words.anyOf(
            "run", "runs", "execute", "executes", "eval", "evaluate", "evaluates", "interpret", "python", "javascript",
            "script", "program", "sandbox", "repl");

    /** "code" is also a country code or an OTP: only source code when the tool talks about running it. */
    private static boolean hasExecutionCue(SchemaNode p, ToolView tool) {
        String text = Texts.normalize(p.description()) + " " + tool.normalizedDescription() + " " + tool.nameText();
        return dev.mcpworkbench.inspector.rules.text.Words.contains(text, EXECUTION_CUE);
    }

    private static boolean isInterpreterInput(SchemaNode p, ToolView tool) {
        String squashed = Identifiers.squashed(p.propertyName());
        if (squashed.equals("code") || squashed.equals("expression")) return hasExecutionCue(p, tool);
        if (ALWAYS.contains(squashed)) return true;
        List<String> words = Identifiers.words(p.propertyName());
        if (words.size() == 2 && LANGUAGE_PREFIXES.contains(words.get(0))
                && Set.of("code", "command", "script", "query", "statement", "expression").contains(words.get(1))) return true;
        if (squashed.equals("query") || squashed.equals("statement")) {
            return Capabilities.mentionsQueryLanguage(Texts.normalize(p.description()))
                    || Capabilities.mentionsQueryLanguage(tool.normalizedDescription());
        }
        return false;
    }
}
