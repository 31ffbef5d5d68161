package dev.mcpworkbench.app.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.Screenshots;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.app.ui.findings.FindingItem;
import dev.mcpworkbench.app.ui.findings.FindingsView;
import dev.mcpworkbench.app.ui.lab.DemoServer;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at its minimum size (900 x 600) on the demo lab's flawed server: the findings detail
 * stays below the findings toolbar, the table has the width while nothing is selected, and the
 * overview's figures are shown, not cut to "…".
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MinimumWindowLayoutTest {

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        context = TestWindows.show(stage, 900, 600);
    }

    @BeforeEach
    void connectToTheLab(FxRobot robot) throws Exception {
        robot.interact(() -> context.lab().model().startAndConnect(DemoServer.FLAWED));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.window().workspace().snapshotProperty().get() != null);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.findings().findings().allItems().stream()
                .anyMatch(i -> i.finding().ruleId().equals("POISON-002")));
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void aSelectedFindingsDetailStaysBelowTheToolbar(FxRobot robot) {
        robot.interact(() -> context.window().workspace().select("Findings"));
        FindingItem poison = context.findings().findings().allItems().stream()
                .filter(i -> i.finding().ruleId().equals("POISON-002")).findFirst().orElseThrow();
        robot.interact(() -> context.findings().findings().selectedProperty().set(poison));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.maybeSave(context.window().getScene(), "findings-min-size-selected"));

        Node export = robot.lookup("#exportButton").query();
        Node grouping = robot.lookup("#grouping").query();
        FindingsView view = findingsView(export);
        Bounds detail = scene(robot.lookup("#findingDetailScroll").query());
        assertThat(detail.getHeight()).as("detail shown").isGreaterThan(0);
        assertThat(detail.getMinY()).as("detail top below Export").isGreaterThanOrEqualTo(scene(export).getMaxY());
        assertThat(detail.getMinY()).as("detail top below the grouping").isGreaterThanOrEqualTo(scene(grouping).getMaxY());
        assertThat(detail.getMaxY()).as("detail bottom inside the findings view").isLessThanOrEqualTo(scene(view).getMaxY() + 0.5);
        assertThat(scene(view).getMaxX()).as("findings view inside the window").isLessThanOrEqualTo(view.getScene().getWidth() + 0.5);
        assertThat(scene(export).getMaxX()).as("Export inside the window").isLessThanOrEqualTo(view.getScene().getWidth() + 0.5);
        assertThat(scene(grouping).getMaxX()).as("grouping inside the window").isLessThanOrEqualTo(view.getScene().getWidth() + 0.5);
    }

    @Test
    void theTableHasTheWidthWhileNothingIsSelected(FxRobot robot) {
        robot.interact(() -> context.window().workspace().select("Findings"));
        robot.interact(() -> context.findings().findings().selectedProperty().set(null));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.maybeSave(context.window().getScene(), "findings-min-size-nothing-selected"));
        Node export = robot.lookup("#exportButton").query();
        FindingsView view = findingsView(export);
        assertThat(scene(view).getMaxX()).as("findings view inside the window").isLessThanOrEqualTo(view.getScene().getWidth() + 0.5);
        assertThat(view.table().getWidth()).as("table width of " + view.getWidth())
                .isGreaterThan(view.getWidth() * 0.9);
        assertThat(robot.lookup("#findingDetailScroll").tryQuery()).as("no empty detail pane").isEmpty();
    }

    @Test
    void theOverviewFiguresAreNotCut(FxRobot robot) throws Exception {
        robot.interact(() -> context.window().workspace().select("Overview"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#tokenChart").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.maybeSave(context.window().getScene(), "overview-min-size"));
        Node stats = robot.lookup("#overviewStats").query();
        var labels = robot.from(stats).lookup(".label").queryAllAs(Label.class);
        assertThat(labels).extracting(Label::getText).contains(
                String.valueOf(context.window().workspace().snapshotProperty().get().tools().size()), "tools");
        for (Label label : labels) {
            Text shown = (Text) label.lookup(".text");
            assertThat(shown.getText()).as("what \"" + label.getText() + "\" shows").isEqualTo(label.getText());
        }
    }

    private static FindingsView findingsView(Node inside) {
        Node n = inside;
        while (!(n instanceof FindingsView)) n = n.getParent();
        return (FindingsView) n;
    }

    private static Bounds scene(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}
