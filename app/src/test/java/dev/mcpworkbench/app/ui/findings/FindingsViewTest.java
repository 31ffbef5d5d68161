package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FindingsViewTest {

    private final Map<String, String> saved = new ConcurrentHashMap<>();
    private FindingsViewModel model;
    private FindingsView view;
    private ServerSnapshot snapshot;
    private List<Finding> findings;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        snapshot = SnapshotJson.read(Path.of(System.getProperty("workbench.root"),
                "inspector/src/test/resources/corpus/filesystem.json"));
        ScanResult result = StaticRules.scan(snapshot, ScanContext.defaults());
        findings = result.findings();
        model = new FindingsViewModel(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor(), Platform::runLater);
        model.useSuppressionStore(new SuppressionStore() {
            @Override
            public Suppressions load() {
                return Suppressions.none();
            }

            @Override
            public void save(Suppressions suppressions) {
                saved.clear();
                suppressions.items().forEach(s -> saved.put(s.fingerprint(), s.reason()));
            }
        });
        model.show(snapshot, result);
        view = new FindingsView(model, url -> { });
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    private int findingRows() {
        return (int) view.table().getRoot().getChildren().stream()
                .mapToLong(i -> i.getChildren().isEmpty() ? 1 : i.getChildren().size()).sum();
    }

    @Test
    void filtersBySeverityAndTool(FxRobot robot) {
        assertThat(findingRows()).isEqualTo(findings.size()).isGreaterThan(3);
        long mediumOrWorse = findings.stream().filter(f -> f.severity().atLeast(Severity.MEDIUM)).count();
        robot.interact(() -> model.severitiesProperty().set(EnumSet.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM)));
        assertThat(findingRows()).isEqualTo((int) mediumOrWorse);

        robot.interact(() -> model.severitiesProperty().set(EnumSet.allOf(Severity.class)));
        robot.interact(() -> model.toolProperty().set("write_file"));
        long onWriteFile = findings.stream().filter(f -> f.location().name().equals("write_file")).count();
        assertThat(findingRows()).isEqualTo((int) onWriteFile).isPositive();
    }

    @Test
    void groupsByToolAndByRule(FxRobot robot) {
        robot.clickOn("#group-tool");
        List<String> groups = view.table().getRoot().getChildren().stream()
                .map(i -> i.getValue().groupLabel()).toList();
        assertThat(groups).contains("write_file", "read_file").doesNotHaveDuplicates();

        robot.clickOn("#group-rule");
        TreeItem<FindingRow> first = view.table().getRoot().getChildren().get(0);
        assertThat(first.getValue().isGroup()).isTrue();
        assertThat(first.getChildren()).allMatch(c -> first.getValue().groupLabel().startsWith(c.getValue().item().finding().ruleId()));
    }

    @Test
    void detailHighlightsTheEvidenceInTheDefinition(FxRobot robot) throws Exception {
        Finding target = findings.stream().filter(f -> f.location().jsonPointer().endsWith("/path")).findFirst().orElseThrow();
        FindingItem item = model.visibleItems().stream().filter(i -> i.finding().equals(target)).findFirst().orElseThrow();
        robot.interact(() -> model.selectedProperty().set(item));
        // the definition comes in the frame after the rest of the detail
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> org.testfx.util.WaitForAsyncUtils.asyncFx(() -> view.detail().definitionShown()).get());
        String highlighted = view.detail().definitionArea().highlightedText();
        assertThat(highlighted).startsWith("\"path\": {").contains("\"type\": \"string\"");
        assertThat(view.detail().definitionArea().text()).contains("\"name\": \"" + target.location().name() + "\"");
    }

    /**
     * A finding's definition comes in the frame after the rest of its detail: until then the area
     * is hidden, so the previous finding's definition never shows beside the new finding's text.
     */
    @Test
    void anotherFindingHidesThePreviousDefinitionUntilItsOwnIsIn(FxRobot robot) throws Exception {
        FindingItem first = model.visibleItems().get(0);
        FindingItem other = model.visibleItems().stream()
                .filter(i -> !i.finding().location().name().equals(first.finding().location().name())).findFirst().orElseThrow();
        robot.interact(() -> model.selectedProperty().set(first));
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> org.testfx.util.WaitForAsyncUtils.asyncFx(() -> view.detail().definitionShown()).get());
        boolean visibleInTheSameTurn = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            model.selectedProperty().set(other);
            return view.detail().definitionArea().isVisible();
        }).get();
        assertThat(visibleInTheSameTurn).isFalse();
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> org.testfx.util.WaitForAsyncUtils.asyncFx(() -> view.detail().definitionShown()).get());
        assertThat(view.detail().definitionArea().isVisible()).isTrue();
        assertThat(view.detail().definitionArea().text()).contains("\"name\": \"" + other.finding().location().name() + "\"");
    }

    @Test
    void suppressWithReasonIsSavedAndShownGreyed(FxRobot robot) throws Exception {
        FindingItem first = model.visibleItems().get(0);
        robot.interact(() -> model.selectedProperty().set(first));
        robot.clickOn("#suppressButton");
        robot.clickOn("#suppressReason").write("validated by the gateway");
        robot.clickOn("Suppress");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saved.containsKey(first.finding().fingerprint()));
        assertThat(saved).containsEntry(first.finding().fingerprint(), "validated by the gateway");
        FindingItem now = model.allItems().stream().filter(i -> i.finding().equals(first.finding())).findFirst().orElseThrow();
        assertThat(now.suppressionReason()).isEqualTo("validated by the gateway");
        assertThat(robot.lookup(".tree-table-row-cell:suppressed").queryAll()).isNotEmpty();

        robot.interact(() -> model.showSuppressedProperty().set(false));
        assertThat(findingRows()).isEqualTo(findings.size() - 1);
    }

    @Test
    void exportsEveryFormatWithTheSuppressionsOffTheFxThread(FxRobot robot, @TempDir Path dir) throws Exception {
        FindingItem first = model.visibleItems().get(0);
        robot.interact(() -> {
            model.useReportRenderer(new EngineReportRenderer(ScanContext::defaults));
            model.suppress(first, "accepted for the demo");
        });
        for (ExportFormat format : ExportFormat.values()) {
            Path target = dir.resolve("report." + format.extension());
            robot.interact(() -> model.export(format, target));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.statusProperty().get().startsWith("Wrote")
                    && model.statusProperty().get().contains(target.toString()));
            assertThat(Files.readString(target)).contains("accepted for the demo");
        }
        assertThat(Files.readString(dir.resolve("report.sarif"))).contains("\"version\"").contains("2.1.0");
    }
}
