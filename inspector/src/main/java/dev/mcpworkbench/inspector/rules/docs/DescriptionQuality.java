package dev.mcpworkbench.inspector.rules.docs;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.SchemaNode;
import dev.mcpworkbench.inspector.rules.text.Tokens;
import dev.mcpworkbench.inspector.rules.text.Words;
import java.util.ArrayList;
import java.util.List;

/** DOCS-001: descriptions too thin to choose the tool safely, or too long to read, and undocumented parameters. */
public final class DescriptionQuality implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("DOCS-001", "Description quality", Category.DOCS,
            Severity.LOW, List.of("MCP06", "MCP10"),
            "The description is the model's only manual: too short and it guesses, too long and it costs context and hides instructions; undocumented parameters get invented values.");

    static final RuleSetting MIN_CHARS = RuleSetting.of("minChars", 20, "shortest acceptable description, in characters");
    static final RuleSetting MIN_WORDS = RuleSetting.of("minWords", 3, "fewest meaningful words in a description");
    static final RuleSetting MAX_CHARS = RuleSetting.of("maxChars", 2000, "longest acceptable description, in characters");
    static final RuleSetting MAX_TOKENS = RuleSetting.of("maxTokens", 500, "longest acceptable description, in tokens");

    @Override
    public List<RuleSetting> settings() {
        return List.of(MIN_CHARS, MIN_WORDS, MAX_CHARS, MAX_TOKENS);
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
        int minChars = s.settings().integer(META.id(), MIN_CHARS);
        int minWords = s.settings().integer(META.id(), MIN_WORDS);
        int maxChars = s.settings().integer(META.id(), MAX_CHARS);
        int maxTokens = s.settings().integer(META.id(), MAX_TOKENS);
        for (ToolView tool : s.tools()) {
            String desc = tool.description();
            String norm = tool.normalizedDescription();
            if (norm.strip().length() < minChars || Words.meaningfulWordCount(norm, minWords) < minWords) {
                out.add(RuleSupport.finding(META, Severity.LOW,
                        desc.isBlank() ? "'" + tool.name() + "' has no description" : "The description of '" + tool.name() + "' is too short to choose the tool by",
                        tool.location("/description"), desc.isBlank() ? "(empty)" : desc,
                        "Say what the tool does, when to use it, what it returns and its limits, in one or two sentences."));
            } else if (desc.length() > maxChars || tokensOver(desc, maxTokens)) {
                int tokens = desc.length() > 200_000 ? -1 : Tokens.count(desc);
                out.add(RuleSupport.finding(META, Severity.LOW,
                        "The description of '" + tool.name() + "' is long: " + desc.length() + " characters"
                                + (tokens >= 0 ? ", " + tokens + " tokens" : ""),
                        tool.location("/description"), desc.substring(0, Math.min(desc.length(), 300)),
                        "Keep the description to what the model needs to pick and call the tool; move tutorials and examples to documentation or a resource."));
            }
            List<String> undocumented = new ArrayList<>();
            for (SchemaNode p : tool.parameters()) {
                if (p.description().isBlank() && p.schema().path("title").asText("").isBlank()) undocumented.add(p.propertyName());
            }
            if (!undocumented.isEmpty()) {
                out.add(RuleSupport.finding(META, Severity.LOW,
                        undocumented.size() + " of " + tool.parameters().size() + " parameters of '" + tool.name() + "' have no description",
                        tool.location("/inputSchema/properties"), RuleSupport.list(undocumented, 10),
                        "Describe each parameter: meaning, format, units, and an example value."));
            }
        }
        return out;
    }

    private static boolean tokensOver(String text, int max) {
        // a token is at least one character: short texts cannot exceed the budget
        return text.length() > max && Tokens.count(text) > max;
    }
}
