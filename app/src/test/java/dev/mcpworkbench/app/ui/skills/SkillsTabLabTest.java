package dev.mcpworkbench.app.ui.skills;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.mcpworkbench.app.ui.AppContext;
import dev.mcpworkbench.app.ui.common.ThemeSettings;
import dev.mcpworkbench.app.ui.findings.FindingItem;
import dev.mcpworkbench.inspector.skills.SkillEntry;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
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
 * The desktop's Skills tab on the flawed lab server, through the real connection: the skills are
 * listed on connect, Load on a tampered one shows the refusal, and DRIFT-004 joins the findings.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SkillsTabLabTest {

    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        context = AppContext.create(new ThemeSettings(Preferences.userRoot().node("mcp-workbench-test-skills")),
                new dev.mcpworkbench.app.ui.connect.CoreConnector(new dev.mcpworkbench.app.ui.requests.UserPrompts(() -> stage,
                        java.time.Duration.ofSeconds(30))),
                new dev.mcpworkbench.app.ui.connect.ProfileStore(
                        java.nio.file.Files.createTempDirectory("workbench-skills").resolve("profiles.json")));
        stage.setScene(new Scene(context.window(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void aTamperedSkillIsRefusedOnLoadAndRaisesDrift004(FxRobot robot) throws Exception {
        robot.clickOn("#start-flawed");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.window().workspace().snapshotProperty().get() != null);
        robot.interact(() -> context.window().workspace().select("Skills"));
        @SuppressWarnings("unchecked")
        ListView<SkillEntry> list = (ListView<SkillEntry>) robot.lookup("#skillList").query();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> list.getItems().size() == 3);
        assertThat(list.getItems()).extracting(SkillEntry::name).containsExactly("export-notes", "triage-tickets", "summarize-project");

        robot.interact(() -> list.getSelectionModel().select(2));
        robot.clickOn("#loadSkill");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#skillRejected").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> context.findings().findings().allItems().stream()
                .map(FindingItem::finding).anyMatch(f -> f.ruleId().equals("DRIFT-004")));
        assertThat(robot.lookup("#skillVerified").tryQuery()).isEmpty();
        assertThat(context.findings().findings().allItems()).extracting(FindingItem::finding)
                .filteredOn(f -> f.ruleId().equals("DRIFT-004"))
                .singleElement().satisfies(f -> assertThat(f.location().name()).isEqualTo("skill://summarize-project/SKILL.md"));
    }
}
