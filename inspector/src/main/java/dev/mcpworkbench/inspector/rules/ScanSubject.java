package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.text.TextItem;
import dev.mcpworkbench.inspector.rules.text.TextCollector;
import dev.mcpworkbench.inspector.rules.text.TextCues;
import dev.mcpworkbench.inspector.rules.text.Tokens;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
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
    // set by prepare(), for slice() and rest(): the strings around the tools', and where each tool's begin in textFlags
    private List<TextItem> before;
    private List<TextItem> after;
    private int[] toolTextStarts;

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
        before = TextCollector.beforeTools(snapshot);
        after = TextCollector.afterTools(snapshot);
        texts = TextCollector.chain(before, toolTexts, after);
        textFlags = flatFlags(flagsByTool);
        toolListTokens = toolListTokens(snapshot, IntStream.of(tokens).sum());
    }

    /** The tools' flags, computed in each tool's task while its strings were in cache, joined in document order. */
    private long[] flatFlags(long[][] flagsByTool) {
        long[] flat = new long[texts.size()];
        toolTextStarts = new int[flagsByTool.length + 1];
        int at = 0;
        for (TextItem item : before) flat[at++] = TextCues.flags(item);
        for (int i = 0; i < flagsByTool.length; i++) {
            toolTextStarts[i] = at;
            System.arraycopy(flagsByTool[i], 0, flat, at, flagsByTool[i].length);
            at += flagsByTool[i].length;
        }
        toolTextStarts[flagsByTool.length] = at;
        for (TextItem item : after) flat[at++] = TextCues.flags(item);
        return flat;
    }

    /**
     * The tools [from, to) of a prepared subject with only their strings, for rules that judge
     * each tool and each string alone ({@link StaticRule#judgesItemsAlone()}). Its snapshot holds
     * those tools and no resources, templates or prompts, which {@link #rest()} holds, so that
     * running a rule on every slice and on the rest reads everything once.
     */
    ScanSubject slice(int from, int to) {
        ServerSnapshot part = new ServerSnapshot(snapshot.source(), snapshot.initialize(), snapshot.tools().subList(from, to),
                List.of(), List.of(), List.of(), snapshot.listErrors());
        return part(part, tools.subList(from, to), TextCollector.chain(List.of(), toolTexts.subList(from, to), List.of()),
                Arrays.copyOfRange(textFlags, toolTextStarts[from], toolTextStarts[to]));
    }

    /** A prepared subject without its tools: the strings of its instructions, resources and prompts, and its templates. */
    ScanSubject rest() {
        ServerSnapshot part = new ServerSnapshot(snapshot.source(), snapshot.initialize(), List.of(),
                snapshot.resources(), snapshot.resourceTemplates(), snapshot.prompts(), snapshot.listErrors());
        long[] flags = new long[before.size() + after.size()];
        System.arraycopy(textFlags, 0, flags, 0, before.size());
        System.arraycopy(textFlags, textFlags.length - after.size(), flags, before.size(), after.size());
        return part(part, List.of(), TextCollector.chain(before, List.of(), after), flags);
    }

    private ScanSubject part(ServerSnapshot part, List<ToolView> partTools, List<TextItem> partTexts, long[] partFlags) {
        if (textFlags == null) throw new IllegalStateException("only a prepared subject has parts");
        ScanSubject subject = new ScanSubject(part, context);
        subject.tools = partTools;
        subject.texts = partTexts;
        subject.textFlags = partFlags;
        subject.toolTexts = toolTexts; // indexed by the tool's index in the whole server, as the slice's tools are
        subject.toolListTokens = toolListTokens;
        return subject;
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
     * TextCues#NOT_PLAIN}, {@link TextCues#BASE64_RUN}), in document order. A text rule asks for the few
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
