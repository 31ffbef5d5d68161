package dev.mcpworkbench.inspector.rules.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.payload.ContentBlock;
import dev.mcpworkbench.inspector.payload.JsonIndex;
import dev.mcpworkbench.inspector.payload.NodeType;
import dev.mcpworkbench.inspector.payload.Payload;
import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.RuleSetting;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * OUTPUT-007: a raw upstream answer passed through: long lists from a tool that cannot be asked
 * for less, objects with dozens of keys or many *_url fields.
 */
public final class OverFetchRule implements DynamicRule {

    private static final RuleMetadata METADATA = new RuleMetadata("OUTPUT-007", "Over-fetch", Category.OUTPUT,
            Severity.MEDIUM, List.of("MCP10"),
            "A tool that forwards an upstream API's full answer spends the agent's context on fields nobody asked "
                    + "for and exposes data the task never needed. Shape the answer for the task instead.",
            true);

    private static final Pattern PAGING = Pattern.compile(
            "(?i).*(limit|max|page|per_?page|page_?size|cursor|offset|top|first|count|size|after|before).*");

    static final RuleSetting MAX_ITEMS = RuleSetting.of("maxItems", 100, "list length above which a tool without limit/cursor over-fetches");
    static final RuleSetting MAX_KEYS = RuleSetting.of("maxKeys", 40, "keys in one object above which it looks like a raw upstream object");
    static final RuleSetting MAX_URL_FIELDS = RuleSetting.of("maxUrlFields", 10, "*_url fields in one object at which it looks like a raw upstream object");

    @Override
    public List<RuleSetting> settings() {
        return List.of(MAX_ITEMS, MAX_KEYS, MAX_URL_FIELDS);
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(ToolExchange ex, RuleSettings settings) {
        Payload p = ex.result();
        if (p == null || !p.parsed()) return List.of();
        int maxItems = settings.integer(id(), MAX_ITEMS);
        int maxKeys = settings.integer(id(), MAX_KEYS);
        int maxUrls = settings.integer(id(), MAX_URL_FIELDS);
        boolean canPage = hasPagingParameter(ex.inputSchema());
        List<Finding> out = new ArrayList<>();
        inspect(ex, p.message(), "", canPage, maxItems, maxKeys, maxUrls, out);
        for (ContentBlock b : p.blocks()) {
            if (b.json() != null) inspect(ex, b.json(), b.bodyPointer(), canPage, maxItems, maxKeys, maxUrls, out);
        }
        return out;
    }

    private void inspect(ToolExchange ex, JsonIndex tree, String prefix, boolean canPage, int maxItems, int maxKeys,
                         int maxUrls, List<Finding> out) {
        boolean reportedKeys = false;
        boolean reportedUrls = false;
        for (int n = 0; n < tree.size() && out.size() < 10; n++) {
            NodeType t = tree.type(n);
            if (t == NodeType.ARRAY && !canPage && tree.childCount(n) > maxItems) {
                String what = "A list of " + tree.childCount(n) + " items from a tool with no limit or cursor parameter";
                out.add(finding(ex, prefix + tree.pointer(n), what, what + OverFetchCandidates.of(tree, n),
                        "Add limit and cursor parameters with a small default and return nextCursor; drop the heaviest fields the task does not need."));
                n = tree.skip(n) - 1; // one report per list, not one per nested list
            } else if (t == NodeType.OBJECT && !reportedKeys && tree.childCount(n) > maxKeys) {
                reportedKeys = true;
                String what = "An object with " + tree.childCount(n) + " keys (a raw upstream record?)";
                out.add(finding(ex, prefix + tree.pointer(n), what, what,
                        "Return the handful of fields the task needs; declare them in outputSchema."));
            } else if (t == NodeType.OBJECT && !reportedUrls && tree.childCount(n) >= maxUrls && urlFields(tree, n) >= maxUrls) {
                reportedUrls = true;
                String what = "An object with " + urlFields(tree, n) + " *_url fields (a raw upstream API passed through)";
                out.add(finding(ex, prefix + tree.pointer(n), what, what,
                        "Drop the hypermedia links; return ids the other tools accept."));
            }
        }
    }

    private static int urlFields(JsonIndex tree, int node) {
        int count = 0;
        for (int c : tree.children(node)) {
            String k = tree.key(c);
            if (k != null && k.toLowerCase(Locale.ROOT).endsWith("_url")) count++;
        }
        return count;
    }

    private Finding finding(ToolExchange ex, String pointer, String what, String evidence, String fix) {
        return DynamicFindings.onResult(this, Severity.MEDIUM, ex.toolName(), pointer, what + " in the result of " + ex.toolName(), evidence, fix);
    }

    static boolean hasPagingParameter(JsonNode inputSchema) {
        JsonNode props = inputSchema.path("properties");
        for (var it = props.fieldNames(); it.hasNext(); ) {
            if (PAGING.matcher(it.next()).matches()) return true;
        }
        return false;
    }
}
