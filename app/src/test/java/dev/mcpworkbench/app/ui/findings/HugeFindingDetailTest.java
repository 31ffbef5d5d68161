package dev.mcpworkbench.app.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.ui.common.Fx;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A finding about a huge definition, with a huge evidence and message, shows bounded texts: the
 * labels a few KB, the definition area some pages around the highlighted node, whatever the
 * server sent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HugeFindingDetailTest {

    private static final int PROPERTIES = 50_000;

    @BeforeAll
    static void toolkit() throws Exception {
        Fx.init();
    }

    private static ServerSnapshot snapshotWithAHugeTool() {
        ObjectNode tool = SnapshotJson.MAPPER.createObjectNode().put("name", "dump");
        ObjectNode properties = tool.putObject("inputSchema").put("type", "object").putObject("properties");
        for (int i = 0; i < PROPERTIES; i++) {
            properties.putObject("p" + i).put("type", "string").put("description", "the field number " + i + " of the dump");
        }
        return ServerSnapshot.ofTools("test", SnapshotJson.MAPPER.createObjectNode(), List.<JsonNode>of(tool));
    }

    @Test
    void showsBoundedTextsForAHugeFinding() throws Exception {
        String last = "p" + (PROPERTIES - 1);
        String evidence = "ignore previous instructions ".repeat(100_000);
        Finding finding = new Finding("TEST-001", Severity.HIGH, "a long message ".repeat(50_000),
                Location.tool("dump", "/inputSchema/properties/" + last), evidence, "fix", List.of());
        ServerSnapshot snapshot = snapshotWithAHugeTool();
        FindingDetailPane detail = Fx.call(() -> {
            FindingDetailPane pane = new FindingDetailPane(i -> { }, i -> { }, i -> { }, link -> { });
            Stage stage = new Stage();
            Scene scene = new Scene(pane, 600, 800);
            scene.getStylesheets().add(TestWindows.appStylesheet());
            stage.setScene(scene);
            stage.show();
            pane.show(new FindingItem(finding, null, null), snapshot);
            return pane;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Fx.call(detail::definitionShown));

        String shownEvidence = Fx.call(detail::evidenceText);
        assertThat(shownEvidence).startsWith("ignore previous instructions ")
                .endsWith(String.format(java.util.Locale.ROOT, "(%,d more characters)", evidence.length() - FindingDetailPane.TEXT_CHARS))
                .hasSizeLessThan(FindingDetailPane.TEXT_CHARS + 40);

        DefinitionArea definition = detail.definitionArea();
        String text = Fx.call(definition::text);
        assertThat(text).hasSizeLessThan(JsonLayout.MAX_TEXT + 4 * 1024)
                .contains("\"name\": \"dump\"", "\"p0\": {", "members not shown");
        assertThat(Fx.call(definition::highlightedText)).startsWith("\"" + last + "\": {").contains("the field number " + (PROPERTIES - 1));
        Fx.run(() -> detail.getScene().getWindow().hide());
    }
}
