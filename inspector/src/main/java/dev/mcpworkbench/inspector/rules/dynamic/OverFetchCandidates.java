package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.payload.FieldWeights;
import dev.mcpworkbench.inspector.payload.JsonIndex;
import dev.mcpworkbench.inspector.payload.Payload;
import java.util.Locale;

/**
 * The evidence OUTPUT-003 and OUTPUT-007 add about where a list's tokens go: its heaviest fields,
 * the first candidates to drop from the answer.
 */
final class OverFetchCandidates {

    private static final int NAMED = 4;

    private OverFetchCandidates() {
    }

    /** "; heaviest fields per item: body 61 % (12,000 tokens), user 22 %", or "" when the items have no fields. */
    static String of(JsonIndex tree, int array) {
        String top = FieldWeights.of(tree, array).heaviestSummary(NAMED);
        return top.isEmpty() ? "" : "; heaviest fields per item: " + top;
    }

    /**
     * About the payload's biggest list, when it holds at least half the answer's tokens:
     * "; 80 % of it is the 5,000 items of /content/0/text, heaviest fields per item: ...", else "".
     */
    static String inLargestList(Payload p) {
        return FieldWeights.largestList(p).map(list -> describe(p, list)).orElse("");
    }

    private static String describe(Payload p, Payload.PayloadNode list) {
        JsonIndex tree = list.tree();
        long total = Math.max(1, p.contentTokens());
        if (tree.tokens(list.node()) * 2 < total) return "";
        String fields = FieldWeights.of(tree, list.node()).heaviestSummary(NAMED);
        if (fields.isEmpty()) return "";
        return String.format(Locale.ROOT, "; %d %% of it is the %,d items of %s, heaviest fields per item: %s",
                Math.min(100, tree.tokens(list.node()) * 100 / total), tree.childCount(list.node()),
                list.pointer().isEmpty() ? "the result" : list.pointer(), fields);
    }
}
