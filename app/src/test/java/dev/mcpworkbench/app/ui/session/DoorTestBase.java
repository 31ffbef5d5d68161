package dev.mcpworkbench.app.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.TestWindows;
import dev.mcpworkbench.app.ui.connect.ConnectionState;
import dev.mcpworkbench.app.ui.findings.ExportFormat;
import dev.mcpworkbench.app.ui.findings.FindingItem;
import dev.mcpworkbench.app.ui.findings.FindingsViewModel;
import dev.mcpworkbench.app.ui.tools.ToolItem;
import dev.mcpworkbench.app.ui.traffic.TrafficRow;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What every door to a server must give, checked the same way for each: the flawed lab server
 * (over stdio or HTTP, saved or not, behind OAuth or not) comes on screen with its traffic and
 * log, F5 lists it again, and a tool called by hand whose output leaks credentials adds its
 * dynamic finding to the Findings list, its counts and a SARIF export.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
abstract class DoorTestBase {

    /** A flawed lab tool whose text answer carries cloud keys and a database URL. */
    static final String LEAKY_TOOL = "get_integration_config";

    AppContext context;
    Path profiles;

    /** A @BeforeEach, not TestFX's @Start: that one is only looked for on the test class, not a base. */
    @BeforeEach
    void showWindow() throws Exception {
        profiles = Files.createTempDirectory("workbench-door");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> context = TestWindows.show(stage, 1280, 800, profiles));
    }

    @AfterEach
    void closeContext() throws Exception {
        if (context != null) Platform.runLater(context::close);
        closeServer();
    }

    /** Opens the flawed lab server through this door (called on the test thread). */
    abstract void open(FxRobot robot) throws Exception;

    /** Stops what {@link #open} started outside the app. */
    void closeServer() throws Exception {
    }

    /** The kind of {@link SessionSource} this door gives. */
    abstract Class<? extends SessionSource> expectedSource();

    static void waitFor(long seconds, Callable<Boolean> condition, Callable<String> why) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(why.call(), e);
        }
    }

    String state() {
        Label message = (Label) context.window().lookup("#statusMessage");
        return "state " + context.connection().stateProperty().get() + " " + context.connection().errorProperty().get()
                + "; status " + (message == null ? "" : message.getText());
    }

    void connected(FxRobot robot) throws Exception {
        open(robot);
        waitFor(90, () -> context.connection().stateProperty().get() == ConnectionState.CONNECTED
                && context.window().workspace().snapshotProperty().get() != null, this::state);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(context.session().source()).isInstanceOf(expectedSource());
    }

    long rows(String method) {
        return context.traffic().rows().stream().filter(r -> r.outgoing() && method.equals(r.method())).count();
    }

    @Test
    void trafficLogRefreshAndAHandMadeCallsFindingsFollowTheSession(FxRobot robot) throws Exception {
        connected(robot);
        FindingsViewModel findings = context.findings().findings();

        // traffic: the handshake and the listing were captured
        waitFor(20, () -> rows("initialize") >= 1 && rows("tools/list") >= 1,
                () -> "traffic " + context.traffic().rows().stream().map(TrafficRow::method).toList());

        // log: asking the server for a log level is answered in the log (the lab has no logging: an error entry)
        robot.interact(() -> context.log().serverLevel().setValue("debug"));
        waitFor(20, () -> !context.log().entries().isEmpty(), () -> "no log entry");
        assertThat(rows("logging/setLevel")).isEqualTo(1);

        robot.interact(() -> {
            context.window().workspace().select("Traffic");
            dev.mcpworkbench.app.ui.common.Screenshots.maybeSave(context.window().getScene(), getClass().getSimpleName() + "-traffic");
            context.window().workspace().select("Log");
            dev.mcpworkbench.app.ui.common.Screenshots.maybeSave(context.window().getScene(), getClass().getSimpleName() + "-log");
        });

        // F5 lists again
        long listed = rows("tools/list");
        robot.interact(() -> context.session().refresh());
        waitFor(30, () -> rows("tools/list") > listed, () -> "no new tools/list; " + state());

        // a hand-made call of a leaky tool: its dynamic finding joins the session's findings
        waitFor(60, () -> findings.snapshotProperty().get() != null && !findings.allItems().isEmpty(), () -> "no scan");
        int before = active(findings);
        callLeakyTool(robot);
        waitFor(30, () -> fromCall(findings) > 0, () -> "no dynamic finding; " + state() + "; traffic "
                + context.traffic().rows().stream().filter(r -> r.text().contains(LEAKY_TOOL) || !r.http().isEmpty())
                .map(r -> r.method() + " " + r.text().substring(0, Math.min(300, r.text().length())) + " " + r.http()).toList());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(active(findings)).isGreaterThan(before);
        assertThat(findings.countsBySeverity().values().stream().mapToInt(Integer::intValue).sum())
                .as("severity counts include it").isEqualTo(active(findings));
        FindingItem leak = findings.allItems().stream().filter(DoorTestBase::isFromCall).findFirst().orElseThrow();
        assertThat(leak.finding().severity().atLeast(Severity.MEDIUM)).isTrue();

        robot.interact(() -> {
            context.window().workspace().select("Findings");
            findings.selectedProperty().set(leak);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> dev.mcpworkbench.app.ui.common.Screenshots.maybeSave(context.window().getScene(),
                getClass().getSimpleName() + "-findings"));

        // and it is in the SARIF report exported from the Findings tab
        Path sarif = Files.createTempDirectory("workbench-door-export").resolve("findings.sarif");
        robot.interact(() -> findings.export(ExportFormat.SARIF, sarif));
        waitFor(30, () -> findings.statusProperty().get().startsWith("Wrote"), () -> findings.statusProperty().get());
        String report = Files.readString(sarif);
        assertThat(report).containsPattern("\"ruleId\"\\s*:\\s*\"" + leak.finding().ruleId() + "\"").contains(LEAKY_TOOL);
    }

    static boolean isFromCall(FindingItem item) {
        Location at = item.finding().location();
        return at.kind() == Location.Kind.TOOL_RESULT && at.name().equals(LEAKY_TOOL);
    }

    static int fromCall(FindingsViewModel findings) {
        return (int) findings.allItems().stream().filter(DoorTestBase::isFromCall).count();
    }

    static int active(FindingsViewModel findings) {
        return (int) findings.allItems().stream().filter(i -> !i.suppressed()).count();
    }

    void callLeakyTool(FxRobot robot) throws Exception {
        robot.interact(() -> {
            context.window().workspace().select("Tools");
            var list = context.window().workspace().tools().list().listView();
            ToolItem leaky = list.getItems().stream().filter(t -> t.name().equals(LEAKY_TOOL)).findFirst().orElseThrow();
            list.getSelectionModel().select(leaky);
        });
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(10, () -> !robot.lookup("#callButton").queryButton().isDisabled(), () -> "Call disabled");
        // the authorization window, opened during an OAuth flow, may cover the main one
        robot.interact(() -> ((javafx.stage.Stage) context.window().getScene().getWindow()).toFront());
        robot.clickOn("#callButton");
        waitFor(30, () -> !context.window().workspace().tools().detail().isCalling(), () -> "call still running");
    }
}
