package dev.mcpworkbench.app.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.payload.ToolResultFindings;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings of a tool result called by hand join the list, once each, survive a rescan, and are exported. */
class DynamicFindingsInListTest {

    private static final String TOOL = "get_config";

    private final ServerSnapshot snapshot = ServerSnapshot.ofTools("test", SnapshotJson.MAPPER.createObjectNode(),
            List.of(SnapshotJson.MAPPER.createObjectNode().put("name", TOOL).put("description", "Shows the config.")
                    .set("inputSchema", SnapshotJson.MAPPER.createObjectNode().put("type", "object"))));
    private final FindingsViewModel model = new FindingsViewModel(Runnable::run, Runnable::run);

    private List<Finding> leak() throws Exception {
        var result = SnapshotJson.MAPPER.readTree("""
                {"content":[{"type":"text","text":"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\\nGITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789"}]}""");
        return ToolResultFindings.of(TOOL, null, null, result);
    }

    private long fromResults() {
        return model.allItems().stream().filter(i -> i.finding().location().kind() == Location.Kind.TOOL_RESULT).count();
    }

    @Test
    void joinsTheListOnceAndOutlivesARescan() throws Exception {
        model.show(snapshot, StaticRules.scan(snapshot, ScanContext.defaults()));
        List<Finding> found = leak();
        assertThat(found).isNotEmpty();

        assertThat(model.addDynamic(found)).isEqualTo(found.size());
        assertThat(model.addDynamic(leak())).as("the same call again").isZero();
        assertThat(fromResults()).isEqualTo(found.size());
        assertThat(model.countsBySeverity().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(model.allItems().size());

        model.show(snapshot, StaticRules.scan(snapshot, ScanContext.defaults()));
        assertThat(fromResults()).as("after a rescan").isEqualTo(found.size());
        assertThat(model.allItems()).filteredOn(i -> i.finding().location().kind() == Location.Kind.TOOL_RESULT)
                .allSatisfy(i -> assertThat(i.ruleMetadata()).as("known rule").isPresent());

        String sarif = new EngineReportRenderer(ScanContext::defaults)
                .render(ExportFormat.SARIF, snapshot, Suppressions.none(), model.dynamicFindings());
        assertThat(sarif).contains(found.get(0).ruleId()).contains(found.get(0).location().jsonPointer());

        model.startOver();
        assertThat(model.allItems()).isEmpty();
        assertThat(model.dynamicFindings()).isEmpty();
    }
}
