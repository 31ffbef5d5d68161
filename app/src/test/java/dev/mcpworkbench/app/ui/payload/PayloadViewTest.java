package dev.mcpworkbench.app.ui.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.inspector.payload.Payload;
import dev.mcpworkbench.inspector.payload.PayloadParser;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.dynamic.DynamicRuleRegistry;
import dev.mcpworkbench.inspector.rules.dynamic.ToolExchange;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PayloadViewTest {

    private static final String FAKE_KEY = "AKIA" + "Z7Q2M5X8K3W9T4B6";
    private PayloadViewModel model;
    private PayloadView view;

    /** Wall-clock time from building the view to the end of its first layout (its rows are built in the next frames). */
    private long openedMillis = -1;

    @Start
    void start(Stage stage) {
        long building = System.nanoTime();
        model = new PayloadViewModel();
        view = new PayloadView(model);
        // styled as in the app: the theme decides row heights and the cost of the first rows' CSS
        stage.setScene(TestWindows.styled(new Scene(view, 1200, 800)));
        stage.getScene().addPostLayoutPulseListener(() -> {
            if (openedMillis < 0) openedMillis = (System.nanoTime() - building) / 1_000_000;
        });
        stage.show();
    }

    private static byte[] leakyResult() throws Exception {
        String env = new ObjectMapper().writeValueAsString(java.util.Map.of(
                "HOME", "/home/app", "AWS_ACCESS_KEY_ID", FAKE_KEY, "items", List.of("a", "b", "c")));
        return ("{\"content\":[{\"type\":\"text\",\"text\":" + new ObjectMapper().writeValueAsString(env) + "}],\"isError\":false}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aViewAttachedInStepsShowsOnlyItsHeaderInTheFirstFrameThenEveryPart(FxRobot robot) throws Exception {
        PayloadView[] staged = new PayloadView[1];
        Stage[] window = new Stage[1];
        boolean[] atShow = new boolean[3];
        robot.interact(() -> {
            staged[0] = new PayloadView(new PayloadViewModel());
            staged[0].attachInSteps();
            window[0] = new Stage();
            window[0].setScene(TestWindows.styled(new Scene(staged[0], 900, 600)));
            window[0].show(); // styles and lays out what is attached now
            atShow[0] = staged[0].lookup("#payload-search") != null;
            atShow[1] = staged[0].lookup("#payload-findings") != null;
            atShow[2] = staged[0].lookup(".payload-tree") != null;
        });
        assertThat(atShow).containsExactly(true, false, false);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> staged[0].lookup("#payload-findings") != null && staged[0].lookup(".payload-tree") != null).get());
        robot.interact(window[0]::close);
    }

    @Test
    void loadsAPayloadShowsTokenSharesAndJumpsToAFinding(FxRobot robot) throws Exception {
        byte[] bytes = leakyResult();
        Payload parsed = PayloadParser.defaults().parse(bytes);
        List<Finding> findings = DynamicRuleRegistry.standard().check(
                ToolExchange.ofResult("get-env", new ObjectMapper().readTree("{\"name\":\"get-env\"}"), null, parsed), RuleSettings.defaults());
        assertThat(findings).anyMatch(f -> f.ruleId().equals("OUTPUT-004"));

        robot.interact(() -> model.load(() -> bytes, findings));
        waitUntilShown();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.statusProperty().get()).contains("tokens").contains("25k");

        // expand the JSON text block's root and read a row's token share
        TreeItem<NodeRef> jsonRoot = robot.interact(() -> view.tree().getRoot().getChildren().get(1)) == null ? null : view.tree().getRoot().getChildren().get(1);
        robot.interact(() -> jsonRoot.setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(jsonRoot.getChildren()).extracting(i -> i.getValue().label()).contains("AWS_ACCESS_KEY_ID", "items");
        @SuppressWarnings("unchecked")
        TreeTableColumn<NodeRef, NodeRef> share = (TreeTableColumn<NodeRef, NodeRef>) view.tree().getColumns().get(4);
        NodeRef items = jsonRoot.getChildren().stream().map(TreeItem::getValue).filter(r -> r.label().equals("items")).findFirst().orElseThrow();
        assertThat(share.getText()).isEqualTo("Share");
        assertThat(items.tree().share(items.node())).isBetween(0.05, 0.9);
        assertThat(robot.lookup(".tree-table-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).filter(t -> t != null && t.endsWith("%")).count()).isPositive();

        // click the secret finding: the tree selects the node it points to, flagged and highlighted
        Finding secret = findings.stream().filter(f -> f.ruleId().equals("OUTPUT-004")).findFirst().orElseThrow();
        int index = model.findings().indexOf(secret);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node cell = robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getItem() instanceof Finding f && f.ruleId().equals("OUTPUT-004")).query();
        assertThat(cell.isVisible()).isTrue();
        robot.interact(() -> view.findingsList().getSelectionModel().select(secret));
        WaitForAsyncUtils.waitForFxEvents();
        NodeRef selected = view.tree().getSelectionModel().getSelectedItem().getValue();
        assertThat(selected.pointer()).isEqualTo("/content/0/text/AWS_ACCESS_KEY_ID");
        assertThat(view.tree().isFlagged(selected)).isTrue();
        assertThat(secret.evidence()).isEqualTo("AKIA****************");
    }

    @Test
    void aPayloadReplacedByTheNextIsCollected(FxRobot robot) throws Exception {
        byte[] first = leakyResult();
        robot.interact(() -> model.load(() -> first, List.of()));
        waitUntilShown();
        java.lang.ref.WeakReference<Object> shownFirst = new java.lang.ref.WeakReference<>(model.payloadProperty().get().message());
        byte[] second = "{\"content\":[{\"type\":\"text\",\"text\":\"next\"}]}".getBytes(StandardCharsets.UTF_8);
        robot.interact(() -> model.load(() -> second, List.of()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> treeShowsThePayload() && shownFirst.get() != model.payloadProperty().get().message());
        WaitForAsyncUtils.waitForFxEvents();

        // the tree table's skin kept every root it was given (JDK-8349758): one root per payload kept them all
        long end = System.currentTimeMillis() + 20_000;
        while (shownFirst.get() != null && System.currentTimeMillis() < end) {
            System.gc();
            Thread.sleep(200);
        }
        assertThat(shownFirst.get()).as("the first payload's parsed JSON, still reachable after the next was shown").isNull();
    }

    @Test
    void aToolResultOpensInThePayloadTabWithItsFindings(FxRobot robot) throws Exception {
        com.fasterxml.jackson.databind.JsonNode result = new ObjectMapper().readTree(leakyResult());
        com.fasterxml.jackson.databind.JsonNode tool = new ObjectMapper().readTree("{\"name\":\"get-env\",\"inputSchema\":{\"type\":\"object\"}}");
        javafx.scene.Scene scene = view.getScene();
        robot.interact(() -> {
            var p = new dev.mcpworkbench.app.ui.tools.ToolResultPane(uri -> { });
            p.addView(new dev.mcpworkbench.app.ui.tools.ToolResultPane.ResultView("Payload",
                    r -> PayloadTab.forToolResult("get-env", () -> tool, null, r)));
            p.show(result, java.time.Duration.ofMillis(12));
            scene.setRoot(p);
        });
        robot.clickOn("Payload");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#payload-findings").queryAll().isEmpty()
                && robot.lookup("#payload-findings").queryListView().getItems().size() > 0);
        javafx.scene.control.ListView<?> list = robot.lookup("#payload-findings").queryListView();
        assertThat(list.getItems()).anyMatch(f -> ((Finding) f).ruleId().equals("OUTPUT-004"));
        assertThat(robot.lookup("#payload-summary").queryLabeled().getText()).contains("tokens");
        assertThat(scene.getRoot()).isInstanceOf(dev.mcpworkbench.app.ui.tools.ToolResultPane.class);
    }

    @Test
    void searchFindsKeysAndValues(FxRobot robot) throws Exception {
        byte[] bytes = leakyResult();
        robot.interact(() -> model.load(() -> bytes, List.of()));
        waitUntilShown();
        robot.clickOn("#payload-search").write("/home/app").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.tree().getSelectionModel().getSelectedItem() != null);
        assertThat(view.tree().getSelectionModel().getSelectedItem().getValue().pointer()).isEqualTo("/content/0/text/HOME");
    }

    /**
     * Loads a 100 MB result while an AnimationTimer records the longest gap between two frames:
     * the FX thread must keep painting. The figure is written to target/payload-fx-pause.txt.
     */
    @Test
    void aHundredMegabytePayloadLoadsWithoutFreezingTheWindow(FxRobot robot) throws Exception {
        byte[] bytes = hundredMegabytes();
        AtomicLong last = new AtomicLong();
        AtomicLong worst = new AtomicLong();
        // the FX thread's own CPU time across the worst gap: tells its work from waiting for a core
        AtomicLong lastCpu = new AtomicLong();
        AtomicLong worstCpu = new AtomicLong();
        AtomicLong worstAt = new AtomicLong();
        AtomicLong shownAt = new AtomicLong();
        model.payloadProperty().addListener((o, old, p) -> shownAt.set(System.nanoTime()));
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long cpu = threads.getCurrentThreadCpuTime();
                long prev = last.getAndSet(now);
                long prevCpu = lastCpu.getAndSet(cpu);
                if (prev != 0 && now - prev > worst.get()) {
                    worst.set(now - prev);
                    worstCpu.set(cpu - prevCpu);
                    worstAt.set(prev);
                }
            }
        };
        robot.interact(timer::start);
        Thread.sleep(100); // a few frames for the timer; the app too starts loading as the view opens
        long started = System.nanoTime();
        robot.interact(() -> {
            last.set(0);
            worst.set(0);
            worstCpu.set(0);
            model.load(() -> bytes, List.of());
        });
        WaitForAsyncUtils.waitFor(100, TimeUnit.SECONDS, () -> !model.busyProperty().get() && treeShowsThePayload());
        Thread.sleep(500);
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        robot.interact(timer::stop);
        long worstMillis = worst.get() / 1_000_000;
        String line = "payload view built and first laid out in " + openedMillis + " ms; "
                + "100 MB payload: loaded in " + loadMillis + " ms; longest FX frame gap while loading " + worstMillis
                + " ms, of which the FX thread ran " + worstCpu.get() / 1_000_000 + " ms; it began "
                + (worstAt.get() - started) / 1_000_000 + " ms after the load started, the payload was shown at "
                + (shownAt.get() - started) / 1_000_000 + " ms";
        System.out.println(line);
        Files.writeString(Path.of("target/payload-fx-pause.txt"), line + "\n");
        assertThat(model.payloadProperty().get().message().size()).isGreaterThan(1_000_000);
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void theRowsBuiltWithTheViewLeaveNothingBehind(FxRobot robot) throws Exception {
        // the sample row shown while the view opened is gone, the tree visible at its full height,
        // and row cells for that whole height kept for the payload's rows
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.tree().hasRows() && view.tree().getOpacity() == 1);
        double defaultMaxHeight = WaitForAsyncUtils.asyncFx(() -> new PayloadTreeTable().getMaxHeight()).get();
        assertThat(view.tree().getMaxHeight()).isEqualTo(defaultMaxHeight);
        double rowsInView = view.tree().getHeight() / view.tree().getFixedCellSize();
        assertThat(robot.lookup(".payload-tree .tree-table-row-cell").queryAll().size()).isGreaterThanOrEqualTo((int) rowsInView - 2);
    }

    @Test
    void theWarmUpLaysOutAThrowawayTreeOnTheFxThread() throws Exception {
        assertThat(WaitForAsyncUtils.asyncFx(() -> RowWarmUp.layOut(List.of(TestWindows.appStylesheet()))).get(30, TimeUnit.SECONDS))
                .as("a scene that is never shown is built and laid out, and its rows exist").isTrue();
        assertThat(WaitForAsyncUtils.asyncFx(() -> RowWarmUp.layOutView(List.of(TestWindows.appStylesheet()))).get(30, TimeUnit.SECONDS))
                .as("a whole payload view, never shown, is built and laid out").isTrue();
    }

    @Test
    void theFieldsTabSaysWhereAListsTokensGoAndShowsAFieldInTheTree(FxRobot robot) throws Exception {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < 300; i++) {
            list.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"bio\":\"")
                    .append("a rather long biography line ".repeat(8)).append("\",\"tags\":[\"x\"]}");
        }
        byte[] bytes = ("{\"content\":[{\"type\":\"text\",\"text\":" + new ObjectMapper().writeValueAsString(list + "]") + "}]}")
                .getBytes(StandardCharsets.UTF_8);
        robot.interact(() -> model.load(() -> bytes, List.of()));
        waitUntilShown();

        robot.clickOn("Fields");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !view.fields().table().getItems().isEmpty());
        assertThat(robot.lookup("#payload-fields-heading").queryLabeled().getText())
                .contains("300 items of /content/0/text");
        assertThat(view.fields().table().getItems()).extracting(f -> f.path()).startsWith("bio").contains("tags[]", "id");
        assertThat(view.fields().treemap().items()).extracting(f -> f.path()).containsExactly("bio", "tags", "id");
        robot.interact(() -> dev.mcpworkbench.app.ui.common.Screenshots.maybeSave(view.getScene(), "payload-fields"));

        robot.clickOn("#payload-fields-table");
        robot.interact(() -> view.fields().table().getSelectionModel().select(0));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.tree().getSelectionModel().getSelectedItem().getValue().pointer()).isEqualTo("/content/0/text/0/bio");
    }

    @Test
    void selectingATextThatMirrorsStructuredContentShowsStructuredContent(FxRobot robot) throws Exception {
        byte[] bytes = ("{\"content\":[{\"type\":\"text\",\"text\":\"{\\n  \\\"rows\\\": [1, 2]\\n}\"}],"
                + "\"structuredContent\":{\"rows\":[1,2]}}").getBytes(StandardCharsets.UTF_8);
        robot.interact(() -> model.load(() -> bytes, List.of()));
        waitUntilShown();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<dev.mcpworkbench.inspector.payload.ContentBlock> blocks = robot.lookup("#payload-blocks").queryListView();
        assertThat(blocks.getItems()).singleElement().matches(dev.mcpworkbench.inspector.payload.ContentBlock::mirrorsStructuredContent);
        // the tree has no root of the text's own: its JSON is structuredContent's
        assertThat(view.tree().getRoot().getChildren()).hasSize(1);

        robot.interact(() -> blocks.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.tree().getSelectionModel().getSelectedItem().getValue().pointer()).isEqualTo("/structuredContent");
    }

    /** The payload is parsed and its tree installed (the view installs it a frame after the payload is set). */
    private void waitUntilShown() throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, this::treeShowsThePayload);
    }

    private boolean treeShowsThePayload() {
        Payload p = model.payloadProperty().get();
        TreeItem<NodeRef> root = view.tree().getRoot();
        return p != null && root != null && !root.getChildren().isEmpty() && root.getChildren().get(0).getValue().tree() == p.message();
    }

    static byte[] hundredMegabytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(105 << 20);
        out.writeBytes("{\"content\":[{\"type\":\"text\",\"text\":\"rows in structuredContent\"}],\"structuredContent\":{\"rows\":[".getBytes(StandardCharsets.UTF_8));
        byte[] row = ",{\"id\":1,\"name\":\"customer\",\"note\":\"quarterly report approved for the north region\",\"tags\":[\"a\",\"b\"]}"
                .getBytes(StandardCharsets.UTF_8);
        out.write(row, 1, row.length - 1);
        while (out.size() < 100 << 20) out.writeBytes(row);
        out.writeBytes("]}}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
