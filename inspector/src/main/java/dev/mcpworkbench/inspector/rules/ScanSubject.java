package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.text.TextItem;
import dev.mcpworkbench.inspector.rules.text.TextCollector;
import dev.mcpworkbench.inspector.rules.text.Tokens;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.rules.text.JsonText;
import java.util.ArrayList;
import java.util.List;

/**
 * One snapshot being scanned, with the work several rules share computed once and lazily
 * (tool views, walked schemas, every metadata string, token counts). Not thread-safe: one scan, one thread.
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
        // the sum over tools equals the count of the whole list up to a token at each boundary
        // (separators add one each), and lets unchanged tools be counted once across scans
        int tokens = Tokens.count("{\"tools\":[]}");
        for (int i = 0; i < snapshot.tools().size(); i++) {
            tokens += Tokens.count(JsonText.compact(snapshot.tools().get(i))) + (i > 0 ? 1 : 0);
        }
        return tokens + snapshot.instructions().map(Tokens::count).orElse(0);
    }

}
