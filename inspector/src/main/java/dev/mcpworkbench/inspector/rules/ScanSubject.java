package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.text.TextItem;
import dev.mcpworkbench.inspector.rules.text.TextCollector;
import dev.mcpworkbench.inspector.rules.text.TextCues;
import dev.mcpworkbench.inspector.rules.text.Tokens;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One snapshot being scanned, with the work several rules share computed once (tool views, walked
 * schemas, every metadata string with its normalized form and cues, token counts). Lazy and
 * single-threaded until {@link #prepare()}, or until a large server's parts are prepared and the
 * preparation ended ({@link PartedEvaluation}); after that nothing changes, so rules may run
 * concurrently, on the whole subject or on its {@link #slice slices} and {@link #rest rest}.
 */
public final class ScanSubject {

    private final ServerSnapshot snapshot;
    private final ScanContext context;
    private List<ToolView> tools;
    // the strings held: all of a small, lazy or wholly prepared subject, of a slice, of the rest;
    // null on a large server after a parted preparation, which keeps only their flags
    private List<TextItem> texts;
    private long[] textFlags;
    private List<List<TextItem>> toolTexts; // the held tools' strings, at tool index - firstTool
    private int firstTool;
    private int toolListTokens = -1;
    // filled while preparing, tool by tool: the flags of every tool's strings (eight bytes a string,
    // where the strings' objects would take some hundred), the views, tokens and tightness counts
    private int[] knownTokens;
    private int[] tokensByTool;
    private long[][] flagsByTool;
    private ToolView[] views;
    private int[] tightByTool;
    private int[] parametersByTool;
    private List<TextItem> before;
    private List<TextItem> after;

    public ScanSubject(ServerSnapshot snapshot, ScanContext context) {
        this.snapshot = snapshot;
        this.context = context;
    }

    /**
     * Computes everything rules share, across the machine's cores when the server is large (a
     * thousand tools take a few milliseconds per core): one task per tool walks its schema,
     * collects and classifies its strings and counts its tokens while they are in cache. Every
     * string is kept. Afterwards the subject is read-only.
     */
    @SuppressWarnings("unchecked") // an array of lists, filled tool by tool
    public void prepare() {
        beginPreparation();
        int count = snapshot.tools().size();
        List<TextItem>[] strings = new List[count];
        IntStream indexes = IntStream.range(0, count);
        (count >= PARALLEL_FROM ? indexes.parallel() : indexes).forEach(i -> strings[i] = prepareTool(i));
        endPreparation();
        toolTexts = Arrays.asList(strings);
        texts = TextCollector.chain(before, toolTexts, after);
        textFlags = new long[texts.size()];
        int at = 0;
        for (TextItem item : before) textFlags[at++] = TextCues.flags(item);
        at = copyFlags(0, count, textFlags, at);
        for (TextItem item : after) textFlags[at++] = TextCues.flags(item);
    }

    /**
     * Starts a preparation done part by part: {@link #prepareSlice} for every part of the tools
     * (several threads may prepare disjoint parts at once), then {@link #endPreparation}. The
     * subject keeps the flags of the tools' strings, not the strings: rules on the whole subject
     * get the strings they ask for collected again ({@link #texts(long)}), so a server of 200,000
     * tools does not hold ten million strings' objects at once.
     */
    void beginPreparation() {
        int count = snapshot.tools().size();
        views = new ToolView[count]; // built in prepareTool, in parallel: reading 10,000 tools' names and hints took a while
        tools = Collections.unmodifiableList(Arrays.asList(views));
        tightByTool = new int[count];
        parametersByTool = new int[count];
        knownTokens = Tokens.knownCounts(snapshot.tools());
        tokensByTool = knownTokens != null ? knownTokens : new int[count];
        flagsByTool = new long[count][];
    }

    /** Prepares the tools [from, to) and returns them as a {@link #slice}, which alone holds their strings. */
    ScanSubject prepareSlice(int from, int to) {
        List<List<TextItem>> strings = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) strings.add(prepareTool(i));
        return slice(from, to, strings);
    }

    /** Prepares tool {@code i}: its view, its strings' flags, its token count; returns its strings. */
    private List<TextItem> prepareTool(int i) {
        JsonNode raw = snapshot.tools().get(i);
        ToolView view = new ToolView(raw, i);
        view.prepare();
        views[i] = view;
        tightByTool[i] = SchemaTightness.tightParameters(view);
        parametersByTool[i] = view.namedProperties().size();
        List<TextItem> strings = TextCollector.ofTool(raw, i);
        long[] flags = new long[strings.size()];
        for (int k = 0; k < flags.length; k++) flags[k] = TextCues.flags(strings.get(k)); // prepares the item
        flagsByTool[i] = flags;
        if (knownTokens == null) tokensByTool[i] = Tokens.countJson(raw);
        return strings;
    }

    /** Adds the strings around the tools; afterwards the subject is read-only. */
    void endPreparation() {
        if (knownTokens == null) Tokens.rememberCounts(snapshot.tools(), tokensByTool);
        before = TextCollector.beforeTools(snapshot);
        after = TextCollector.afterTools(snapshot);
        for (TextItem item : before) TextCues.flags(item); // prepares the item
        for (TextItem item : after) TextCues.flags(item);
        toolListTokens = toolListTokens(snapshot, IntStream.of(tokensByTool).sum());
    }

    /**
     * The tools [from, to) with only their strings, for rules that judge each tool and each string
     * alone ({@link StaticRule#judgesItemsAlone()}) and for surveys ({@link SurveyingRule}); the
     * subject must be prepared with {@link #prepare()}. Its snapshot holds those tools and no
     * resources, templates or prompts, which {@link #rest()} holds, so that running a rule on
     * every slice and on the rest reads everything once.
     */
    ScanSubject slice(int from, int to) {
        return slice(from, to, toolTexts.subList(from, to));
    }

    private ScanSubject slice(int from, int to, List<List<TextItem>> strings) {
        ServerSnapshot part = new ServerSnapshot(snapshot.source(), snapshot.initialize(), snapshot.tools().subList(from, to),
                List.of(), List.of(), List.of(), snapshot.listErrors());
        int count = 0;
        for (int i = from; i < to; i++) count += flagsByTool[i].length;
        long[] flags = new long[count];
        copyFlags(from, to, flags, 0);
        ScanSubject subject = part(part, tools.subList(from, to), TextCollector.chain(List.of(), strings, List.of()), flags);
        subject.toolTexts = strings;
        subject.firstTool = from; // a slice's tools keep their index in the whole server
        return subject;
    }

    /** Copies the string flags of tools [from, to) into {@code into} from {@code at}; returns where they end. */
    private int copyFlags(int from, int to, long[] into, int at) {
        for (int i = from; i < to; i++) {
            System.arraycopy(flagsByTool[i], 0, into, at, flagsByTool[i].length);
            at += flagsByTool[i].length;
        }
        return at;
    }

    /** A prepared subject without its tools: the strings of its instructions, resources and prompts, and its templates. */
    ScanSubject rest() {
        ServerSnapshot part = new ServerSnapshot(snapshot.source(), snapshot.initialize(), List.of(),
                snapshot.resources(), snapshot.resourceTemplates(), snapshot.prompts(), snapshot.listErrors());
        long[] flags = new long[before.size() + after.size()];
        int at = 0;
        for (TextItem item : before) flags[at++] = TextCues.flags(item);
        for (TextItem item : after) flags[at++] = TextCues.flags(item);
        ScanSubject subject = part(part, List.of(), TextCollector.chain(before, List.of(), after), flags);
        subject.toolTexts = List.of();
        return subject;
    }

    private ScanSubject part(ServerSnapshot part, List<ToolView> partTools, List<TextItem> partTexts, long[] partFlags) {
        ScanSubject subject = new ScanSubject(part, context);
        subject.tools = partTools;
        subject.texts = partTexts;
        subject.textFlags = partFlags;
        subject.toolListTokens = toolListTokens; // -1 while preparing: then the part's own count, if a rule asked
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

    /**
     * Every decoded string value and key of the server's metadata, with where it sits. On a large
     * server prepared in parts, collected again at each call and not kept: ask for {@link
     * #texts(long)} where a rule can.
     */
    public List<TextItem> texts() {
        if (texts != null) return texts;
        if (flagsByTool != null) return TextCollector.collect(snapshot);
        texts = TextCollector.collect(snapshot);
        return texts;
    }

    /**
     * The strings that carry at least one of {@code flags} (a {@link TextCues} group, {@link
     * TextCues#NOT_PLAIN}, {@link TextCues#BASE64_RUN}), in document order. A text rule asks for the few
     * strings that can concern it: found in an array of eight bytes per string, rather than by
     * visiting every string's object, which on 10,000 tools (half a million strings) no longer fit
     * the caches and made each text rule's pass several times slower per string. On a large server
     * prepared in parts, only the tools with such a string have their strings collected again.
     */
    public List<TextItem> texts(long flags) {
        List<TextItem> out = new ArrayList<>();
        if (texts == null && flagsByTool != null) {
            for (TextItem item : before) if ((TextCues.flags(item) & flags) != 0) out.add(item);
            for (int i = 0; i < flagsByTool.length; i++) {
                long[] toolFlags = flagsByTool[i];
                List<TextItem> strings = null;
                for (int k = 0; k < toolFlags.length; k++) {
                    if ((toolFlags[k] & flags) == 0) continue;
                    if (strings == null) strings = TextCollector.ofTool(snapshot.tools().get(i), i);
                    out.add(strings.get(k));
                }
            }
            for (TextItem item : after) if ((TextCues.flags(item) & flags) != 0) out.add(item);
            return out;
        }
        List<TextItem> all = texts();
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
        int at = tool.index() - firstTool;
        if (toolTexts != null && at >= 0 && at < toolTexts.size()) return toolTexts.get(at);
        return TextCollector.ofTool(tool.raw(), tool.index());
    }

    /** o200k_base tokens of the compact tools/list result plus the server instructions. */
    public int toolListTokens() {
        if (toolListTokens < 0) toolListTokens = toolListTokens(snapshot);
        return toolListTokens;
    }

    /** Share of parameters (at any depth) whose schema bounds what the model may send. */
    public double schemaTightness() {
        if (flagsByTool != null && tightByTool != null) { // prepared: counted tool by tool
            return SchemaTightness.share(IntStream.of(tightByTool).sum(), IntStream.of(parametersByTool).sum());
        }
        int total = 0;
        int tight = 0;
        for (ToolView tool : tools()) {
            total += tool.namedProperties().size();
            tight += SchemaTightness.tightParameters(tool);
        }
        return SchemaTightness.share(tight, total);
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
