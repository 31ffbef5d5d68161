package dev.mcpworkbench.app.ui.overview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.text.Tokens;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the tool list costs an agent's context window: o200k_base tokens of each tool definition
 * as sent (compact JSON), and of the whole list. Loading the encoding takes a moment: call off
 * the FX thread.
 */
public record ToolTokenCost(int total, List<PerTool> perTool) {

    public record PerTool(String name, int tokens) {
    }

    public static ToolTokenCost of(ServerSnapshot snapshot) {
        List<PerTool> per = new ArrayList<>();
        StringBuilder all = new StringBuilder("[");
        for (JsonNode tool : snapshot.tools()) {
            String json = tool.toString();
            per.add(new PerTool(ServerSnapshot.nameOf(tool), Tokens.count(json)));
            if (all.length() > 1) all.append(',');
            all.append(json);
        }
        all.append(']');
        per.sort(Comparator.comparingInt(PerTool::tokens).reversed());
        return new ToolTokenCost(Tokens.count(all.toString()), List.copyOf(per));
    }
}
