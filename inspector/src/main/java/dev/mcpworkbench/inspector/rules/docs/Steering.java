package dev.mcpworkbench.inspector.rules.docs;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.text.TextCues;
import dev.mcpworkbench.inspector.rules.text.TextItem;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.rules.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** DOCS-006: text that pushes the model to pick this tool over others or over its own judgement. */
public final class Steering implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("DOCS-006", "Steering", Category.DOCS,
            Severity.MEDIUM, List.of("MCP03"),
            "Descriptions that tell the model to always prefer a tool compete for control of the agent; the same wording is how malicious servers hijack calls meant for others.");

    public static final Pattern STEERING_PATTERN = Words.anyOf(
            "prefer (?:this|these|our) (?:tool|tools|server|one)?\\s*(?:over|to|instead of)",
            "(?:always|must) (?:use|call|invoke) (?:this|these) tools?(?: first)?",
            "(?:use|call|invoke) (?:this|these) tools? (?:first|before (?:any|all) other)",
            "use (?:this tool )?even (?:when|if) you (?:think you )?(?:already )?know",
            "use this (?:tool )?instead of (?:any|other|the)",
            "do not use (?:any )?other tools?",
            "never use (?:any )?other tools?",
            "(?:this|the) (?:tool|only tool) you (?:should|must) (?:ever )?use",
            "do not attempt (?:to use |to call )?(?:any )?other tools?",
            "(?:always )?search our (?:store|shop|catalog|catalogue|products?|marketplace|site)(?: \\w+){0,3} first",
            "(?:call|use|invoke|run) (?:this|it)(?: tool)? (?:immediately |right |directly |always )?after (?:every|each|any) (?:web )?(?:search|query|answer|response|reply|message|tool call|request|conversation turn)(?:es)?");

    private static final Pattern OTHER_SERVERS = Words.anyOf("other (?:servers?|tools?|sources?|providers?)", "any other",
            "built-?in", "web search", "your (?:own )?knowledge", "you (?:think you )?know");

    /**
     * "Prefer this tool over multiple 'fill' or 'click' calls" ranks the server's own tools against
     * each other: guidance, not a bid for the agent. True when the text after the steering phrase
     * names one of this server's tools and nothing outside it.
     */
    private static boolean betweenOwnTools(String after, ScanSubject s) {
        String clause = after.split("[.;!?\\n]", 2)[0];
        if (Words.contains(clause, OTHER_SERVERS)) return false;
        for (ToolView tool : s.tools()) {
            if (containsName(clause, Texts.normalize(tool.name()))) return true;
        }
        return false;
    }

    /** {@code name} in {@code clause} as a whole identifier (not inside a longer one); plain search, not a regex per tool. */
    private static boolean containsName(String clause, String name) {
        if (name.isEmpty()) return false;
        for (int at = clause.indexOf(name); at >= 0; at = clause.indexOf(name, at + 1)) {
            int end = at + name.length();
            if ((at == 0 || !isNameChar(clause.charAt(at - 1))) && (end == clause.length() || !isNameChar(clause.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        List<Finding> out = new ArrayList<>();
        for (TextItem item : s.texts(TextCues.STEERING)) {
            if (item.key() || item.text().length() < 10) continue;
            String norm = item.normalized();
            int[] m = Words.find(norm, STEERING_PATTERN);
            if (m == null) continue;
            if (betweenOwnTools(norm.substring(m[1], Math.min(norm.length(), m[1] + 120)), s)) {
                out.add(RuleSupport.finding(META, Severity.INFO,
                        "Preference between this server's own tools in " + item.location().display(),
                        item.location(), Texts.excerpt(norm, m[0], m[1], 60),
                        "Fine as guidance; say when each tool fits rather than 'always', so the model can still choose."));
                continue;
            }
            out.add(RuleSupport.finding(META, Severity.MEDIUM,
                    "Steering language in " + item.location().display(),
                    item.location(), Texts.excerpt(norm, m[0], m[1], 60),
                    "Describe what the tool does and when it fits; let the model choose. Remove claims of priority over other tools."));
        }
        return out;
    }
}
