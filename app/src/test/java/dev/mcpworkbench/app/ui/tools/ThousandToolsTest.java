package dev.mcpworkbench.app.ui.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.ui.common.Fx;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A 1,000-tool server: the list is virtualized (cells only for visible rows) and search filters it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThousandToolsTest {

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.init();
    }

    static ServerSnapshot thousandTools() {
        List<JsonNode> tools = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ObjectNode t = SnapshotJson.MAPPER.createObjectNode();
            t.put("name", "tool_" + i);
            t.put("description", "Tool number " + i + (i % 100 == 0 ? " (hundred)" : ""));
            t.putObject("inputSchema").put("type", "object").putObject("properties").putObject("q").put("type", "string");
            tools.add(t);
        }
        ObjectNode init = SnapshotJson.MAPPER.createObjectNode();
        init.putObject("serverInfo").put("name", "many").put("version", "1");
        return ServerSnapshot.ofTools("test", init, tools);
    }

    @Test
    void onlyVisibleRowsGetCellsAndSearchFilters() throws Exception {
        ServerSnapshot snapshot = thousandTools();
        ToolsView view = Fx.call(() -> new ToolsView(() -> null, uri -> { }));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(view, 1200, 800));
            stage.show();
        });
        long shown = Fx.call(() -> {
            long t0 = System.nanoTime();
            view.show(snapshot);
            view.layout();
            return (System.nanoTime() - t0) / 1_000_000;
        });
        WaitForAsyncUtils.waitForFxEvents();
        int cells = Fx.call(() -> view.list().listView().lookupAll(".tool-cell").size());
        System.out.printf("1,000 tools: list filled and laid out in %d ms, %d cells created%n", shown, cells);
        assertThat(cells).as("cells exist only for the visible rows").isBetween(5, 80);
        assertThat(Fx.call(() -> view.list().listView().getItems().size())).isEqualTo(1000);

        long filtered = Fx.call(() -> {
            long t0 = System.nanoTime();
            view.list().searchField().setText("hundred");
            return (System.nanoTime() - t0) / 1_000_000;
        });
        System.out.printf("1,000 tools: search filtered in %d ms%n", filtered);
        assertThat(Fx.call(() -> view.list().listView().getItems().stream().map(ToolItem::name).toList()))
                .containsExactly("tool_0", "tool_100", "tool_200", "tool_300", "tool_400", "tool_500",
                        "tool_600", "tool_700", "tool_800", "tool_900");
    }
}
