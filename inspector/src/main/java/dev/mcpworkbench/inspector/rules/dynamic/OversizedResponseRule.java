package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.payload.ByteSizes;
import dev.mcpworkbench.inspector.payload.ContentBlock;
import dev.mcpworkbench.inspector.payload.Payload;
import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.RuleSetting;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;
import java.util.Locale;

/** OUTPUT-003: a result too big for an agent's context. */
public final class OversizedResponseRule implements DynamicRule {

    private static final RuleMetadata METADATA = new RuleMetadata("OUTPUT-003", "Oversized response", Category.OUTPUT,
            Severity.MEDIUM, List.of("MCP10"),
            "Clients cap tool output (25k tokens is a common default) and truncate or reject the rest; what fits "
                    + "crowds out the user's task and costs money on every turn. Big dumps also widen what a prompt "
                    + "injection hidden in the data can reach.",
            true);

    static final RuleSetting MEDIUM_TOKENS = RuleSetting.of("mediumTokens", 10000, "response tokens above which the finding is Medium");
    static final RuleSetting HIGH_TOKENS = RuleSetting.of("highTokens", 25000, "response tokens above which the finding is High");
    static final RuleSetting HIGH_CHARS = RuleSetting.of("highChars", 50000, "response characters above which the finding is High");

    @Override
    public List<RuleSetting> settings() {
        return List.of(MEDIUM_TOKENS, HIGH_TOKENS, HIGH_CHARS);
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(ToolExchange ex, RuleSettings settings) {
        Payload p = ex.result();
        if (p == null || !p.parsed()) return List.of();
        long tokens = p.contentTokens();
        long chars = p.blocks().stream().mapToLong(ContentBlock::bytes).sum();
        if (p.blocks().isEmpty()) chars = p.totalBytes();
        long medium = settings.integer(id(), MEDIUM_TOKENS);
        long high = settings.integer(id(), HIGH_TOKENS);
        long highChars = settings.integer(id(), HIGH_CHARS);
        Severity sev = tokens > high || chars > highChars ? Severity.HIGH : tokens > medium ? Severity.MEDIUM : null;
        if (sev == null) return List.of();
        String evidence = String.format(Locale.ROOT, "%s%,d tokens, %s of content (%s)", p.tokensExact() ? "" : "~",
                tokens, ByteSizes.format(chars), p.summary()) + OverFetchCandidates.inLargestList(p);
        return List.of(DynamicFindings.onResult(this, sev, ex.toolName(), "",
                ex.toolName() + " returned " + String.format(Locale.ROOT, "%,d", tokens) + " tokens", evidence,
                "Paginate (limit + cursor), summarize, or return only the fields the task needs; offer a detail tool for the rest."));
    }
}
