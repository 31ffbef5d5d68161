package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.text.TextItem;
import dev.mcpworkbench.inspector.rules.text.TextCollector;
import dev.mcpworkbench.inspector.rules.text.Tokens;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
    private int toolListTokens = -1;

    public ScanSubject(ServerSnapshot snapshot, ScanContext context) {
        this.snapshot = snapshot;
        this.context = context;
    }

    /**
     * Computes everything rules share, across the machine's cores when the server is large (a
     * thousand tools take a few milliseconds per core). Afterwards the subject is read-only.
     */
    public void prepare() {
        boolean parallel = snapshot.tools().size() >= PARALLEL_FROM;
        if (texts == null) texts = TextCollector.collect(snapshot, parallel);
        each(tools(), parallel, ToolView::prepare);
        each(texts(), parallel, TextItem::prepare);
        if (toolListTokens < 0) toolListTokens = toolListTokens(snapshot, parallel);
    }

    /** Below this many tools a scan takes well under a millisecond: threads would only add overhead. */
    static final int PARALLEL_FROM = 64;

    private static <T> void each(List<T> items, boolean parallel, Consumer<T> action) {
        if (parallel) items.parallelStream().forEach(action);
        else items.forEach(action);
    }

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

    /** o200k_base tokens of the compact tools/list result plus the server instructions. */
    public int toolListTokens() {
        if (toolListTokens < 0) toolListTokens = toolListTokens(snapshot);
        return toolListTokens;
    }

    public static int toolListTokens(ServerSnapshot snapshot) {
        return toolListTokens(snapshot, false);
    }

    private static int toolListTokens(ServerSnapshot snapshot, boolean parallel) {
        // the sum over tools equals the count of the whole list up to a token at each boundary
        // (separators add one each), and lets unchanged tools be counted once across scans
        List<JsonNode> tools = snapshot.tools();
        IntStream indexes = IntStream.range(0, tools.size());
        int perTool = (parallel ? indexes.parallel() : indexes).map(i -> Tokens.countJson(tools.get(i))).sum();
        int separators = Math.max(0, tools.size() - 1);
        return Tokens.count("{\"tools\":[]}") + perTool + separators + snapshot.instructions().map(Tokens::count).orElse(0);
    }

}
