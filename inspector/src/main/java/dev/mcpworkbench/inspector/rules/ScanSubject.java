package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.text.TextItem;
import dev.mcpworkbench.inspector.rules.text.TextCollector;
import dev.mcpworkbench.inspector.rules.text.TextCues;
import dev.mcpworkbench.inspector.rules.text.Tokens;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One snapshot being scanned, with the work several rules share computed once (tool views, walked
 * schemas, every metadata string with its normalized form and cues, token counts). Lazy and
 * single-threaded until {@link #prepare()}; after it nothing changes, so rules may run concurrently.
 */
public final class ScanSubject {

    private final ServerSnapshot snapshot;
    private final ScanContext context;
    private List<ToolView> tools;
    private List<TextItem> texts;
    private List<List<TextItem>> toolTexts;
    private long[] textFlags;
    private int toolListTokens = -1;

    public ScanSubject(ServerSnapshot snapshot, ScanContext context) {
        this.snapshot = snapshot;
        this.context = context;
    }

    /**
     * Computes everything rules share, across the machine's cores when the server is large (a
     * thousand tools take a few milliseconds per core): one task per tool walks its schema,
     * collects and classifies its strings and counts its tokens while they are in cache.
     * Afterwards the subject is read-only.
     */
    public void prepare() {
        List<ToolView> views = tools();
        List<JsonNode> raw = snapshot.tools();
        int[] known = Tokens.knownCounts(raw);
        int[] tokens = known != null ? known : new int[raw.size()];
        long[][] flagsByTool = new long[raw.size()][];
        IntStream indexes = IntStream.range(0, raw.size());
        List<List<TextItem>> toolTexts = (raw.size() >= PARALLEL_FROM ? indexes.parallel() : indexes).mapToObj(i -> {
            views.get(i).prepare();
            List<TextItem> strings = TextCollector.ofTool(raw.get(i), i);
            long[] flags = new long[strings.size()];
            for (int k = 0; k < flags.length; k++) flags[k] = TextCues.flags(strings.get(k)); // prepares the item
            flagsByTool[i] = flags;
            if (known == null) tokens[i] = Tokens.countJson(raw.get(i));
            return strings;
        }).toList();
        if (known == null) Tokens.rememberCounts(raw, tokens);
        this.toolTexts = toolTexts;
        List<TextItem> before = TextCollector.beforeTools(snapshot);
        List<TextItem> after = TextCollector.afterTools(snapshot);
        texts = TextCollector.chain(before, toolTexts, after);
        textFlags = flatFlags(before, flagsByTool, after);
        toolListTokens = toolListTokens(snapshot, IntStream.of(tokens).sum());
    }

    /** The tools' flags, computed in each tool's task while its strings were in cache, joined in document order. */
    private long[] flatFlags(List<TextItem> before, long[][] flagsByTool, List<TextItem> after) {
        long[] flat = new long[texts.size()];
        int at = 0;
        for (TextItem item : before) flat[at++] = TextCues.flags(item);
        for (long[] tool : flagsByTool) {
            System.arraycopy(tool, 0, flat, at, tool.length);
            at += tool.length;
        }
        for (TextItem item : after) flat[at++] = TextCues.flags(item);
        return flat;
    }

    /** Below this many tools a scan takes well under a millisecond: threads would only add overhead. */
    static final int PARALLEL_FROM = 64;

    public ServerSnapshot snapshot() {
        return snapshot;
    }

    public ScanContext context() {
        return context;
    }

    public RuleSettings settings() {
        return context.settings();
    }

    public List<ToolView> tools() {
        if (tools == null) {
            List<ToolView> list = new ArrayList<>(snapshot.tools().size());
            for (int i = 0; i < snapshot.tools().size(); i++) {
                list.add(new ToolView(snapshot.tools().get(i), i));
            }
            tools = List.copyOf(list);
        }
        return tools;
    }

    /** Every decoded string value and key of the server's metadata, with where it sits. */
    public List<TextItem> texts() {
        if (texts == null) texts = TextCollector.collect(snapshot);
        return texts;
    }

    /**
     * The strings that carry at least one of {@code flags} (a {@link TextCues} group, {@link
     * TextCues#NOT_PLAIN}, {@link TextCues#LONG}), in document order. A text rule asks for the few
     * strings that can concern it: found in an array of eight bytes per string, rather than by
     * visiting every string's object, which on 10,000 tools (half a million strings) no longer fit
     * the caches and made each text rule's pass several times slower per string.
     */
    public List<TextItem> texts(long flags) {
        List<TextItem> all = texts();
        List<TextItem> out = new ArrayList<>();
        long[] index = textFlags;
        if (index == null) { // not prepared: the flags are read item by item
            for (TextItem item : all) if ((TextCues.flags(item) & flags) != 0) out.add(item);
            return out;
        }
        for (int i = 0; i < index.length; i++) if ((index[i] & flags) != 0) out.add(all.get(i));
        return out;
    }

    /** The strings of one tool (a subset of {@link #texts()}), without searching all of them. */
    public List<TextItem> textsOf(ToolView tool) {
        if (toolTexts != null) return toolTexts.get(tool.index());
        return TextCollector.ofTool(tool.raw(), tool.index());
    }

    /** o200k_base tokens of the compact tools/list result plus the server instructions. */
    public int toolListTokens() {
        if (toolListTokens < 0) toolListTokens = toolListTokens(snapshot);
        return toolListTokens;
    }

    public static int toolListTokens(ServerSnapshot snapshot) {
        int[] counts = Tokens.knownCounts(snapshot.tools());
        if (counts == null) {
            counts = snapshot.tools().stream().mapToInt(Tokens::countJson).toArray();
            Tokens.rememberCounts(snapshot.tools(), counts);
        }
        return toolListTokens(snapshot, IntStream.of(counts).sum());
    }

    private static int toolListTokens(ServerSnapshot snapshot, int perTool) {
        // the sum over tools equals the count of the whole list up to a token at each boundary
        // (separators add one each), and lets unchanged tools be counted once across scans
        int separators = Math.max(0, snapshot.tools().size() - 1);
        return Tokens.count("{\"tools\":[]}") + perTool + separators + snapshot.instructions().map(Tokens::count).orElse(0);
    }

}
