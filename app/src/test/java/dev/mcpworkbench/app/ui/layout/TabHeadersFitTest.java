package dev.mcpworkbench.app.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.Screenshots;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.app.ui.lab.DemoServer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At the window's minimum size (900 x 600), with every workspace tab a connected server brings
 * (Traffic, Log, Findings, Drift, Authorization...), each tab header is inside the visible header
 * row and shows its whole title: none hides behind JavaFX's overflow menu or ends in "…".
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TabHeadersFitTest {

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        context = TestWindows.show(stage, 900, 600);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void everyWorkspaceTabHeaderIsWhollyVisibleAtTheMinimumSize(FxRobot robot) throws Exception {
        robot.interact(() -> context.lab().model().startAndConnect(DemoServer.FLAWED));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.window().workspace().snapshotProperty().get() != null);
        TabPane workspace = context.window().workspace();
        // the headers narrow a layout pass or two after the workspace is first laid out
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> overflowBy(workspace)) <= 0);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the tab headers need " + onFx(() -> overflowBy(workspace)) + " px more than the header row has", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.maybeSave(context.window().getScene(), "tabs-min-size"));
        assertThat(workspace.getTabs()).hasSizeGreaterThanOrEqualTo(8);
        Bounds pane = scene(workspace);
        List<Node> headers = workspace.lookupAll(".tab-header-area > .headers-region > .tab").stream()
                .filter(h -> owner(h) == workspace).toList();
        assertThat(headers).hasSize(workspace.getTabs().size());
        for (Node header : headers) {
            Label label = (Label) header.lookup(".tab-label");
            Bounds at = scene(header);
            String what = "the header of " + label.getText() + " at " + at + " in " + pane;
            assertThat(header.isVisible()).as(what).isTrue();
            assertThat(at.getMinX()).as(what).isGreaterThanOrEqualTo(pane.getMinX() - 0.5);
            assertThat(at.getMaxX()).as(what).isLessThanOrEqualTo(pane.getMaxX() + 0.5);
            Text shown = (Text) label.lookup(".text");
            assertThat(shown.getText()).as("what the header of \"" + label.getText() + "\" shows").isEqualTo(label.getText());
        }
        assertThat(onFx(() -> overflowBy(workspace))).as("px the headers need beyond the row (JavaFX's overflow test)").isLessThanOrEqualTo(0);

        // a wide window gets the icons back
        robot.interact(() -> context.window().getScene().getWindow().setWidth(1600));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !workspace.getStyleClass().contains("compact-tabs"));
    }

    @Test
    void theHeadersKeepTheirIconsWhenTheyFit(FxRobot robot) {
        robot.interact(() -> context.window().getScene().getWindow().setWidth(1600));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(context.window().workspace().getStyleClass()).doesNotContain("compact-tabs");
    }

    /** Measures on the FX thread: text layout off it races the pulse (and fails at random). */
    private static double onFx(java.util.concurrent.Callable<Double> measure) throws Exception {
        return WaitForAsyncUtils.asyncFx(measure).get(10, TimeUnit.SECONDS);
    }

    /**
     * How much wider the headers are than their row, less the overflow arrow's room: what JavaFX
     * compares to decide that tabs do not fit and go behind the arrow's menu (positive: they do not).
     */
    private static double overflowBy(TabPane pane) {
        Region area = (Region) pane.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("tab-header-area")).findFirst().orElse(null);
        if (area == null || area.getWidth() == 0) return Double.POSITIVE_INFINITY; // not laid out yet
        Region headers = (Region) area.lookup(".headers-region");
        Region arrow = (Region) area.lookup(".control-buttons-tab");
        double room = area.getWidth() - area.snappedLeftInset() - area.snappedRightInset() - (arrow == null ? 0 : arrow.prefWidth(-1));
        return headers.prefWidth(-1) - room;
    }

    /** The tab pane a header belongs to (the Tools tab has tab panes of its own inside). */
    private static TabPane owner(Node header) {
        Node n = header.getParent();
        while (n != null && !(n instanceof TabPane)) n = n.getParent();
        return (TabPane) n;
    }

    private static Bounds scene(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }
}
