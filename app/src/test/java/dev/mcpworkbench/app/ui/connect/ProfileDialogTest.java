package dev.mcpworkbench.app.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The connection dialog shows one transport's fields with no gap for the other's, and refuses a taken name. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProfileDialogTest {

    private ProfileDialog dialog;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    private static int row(Node n) {
        return GridPane.getRowIndex(n);
    }

    @Test
    void theOtherTransportsRowsLeaveNoGapAndTakenNamesAreRefused(FxRobot robot) {
        robot.interact(() -> {
            dialog = new ProfileDialog(null, new ProfileFields("notes", ProfileFields.Kind.HTTP, "", List.of(), Map.of(), "",
                    "http://127.0.0.1:3001/mcp", Map.of(), List.of()), List.of("other"));
            dialog.show();
        });
        Node kind = robot.lookup("#profileKind").query();
        Node url = robot.lookup("#profileUrl").query();
        Node command = robot.lookup("#profileCommand").query();
        assertThat(row(url)).as("URL right below Transport").isEqualTo(row(kind) + 1);
        assertThat(command.isVisible()).isFalse();

        robot.interact(() -> dialog.kindField().setValue(ProfileFields.Kind.STDIO));
        assertThat(row(command)).as("Command right below Transport").isEqualTo(row(kind) + 1);
        assertThat(command.isVisible()).isTrue();
        assertThat(url.isVisible()).isFalse();

        robot.interact(() -> dialog.nameField().setText("other"));
        assertThat(dialog.validate()).isEqualTo("There is already a connection called \u201cother\u201d.");
        robot.interact(() -> dialog.nameField().setText("notes"));
        assertThat(dialog.validate()).as("a stdio connection still needs its command").contains("command");
        robot.interact(dialog::close);
    }

    @Test
    void theLabelsAreNeverCutWhateverTheNotesBesideThem(FxRobot robot) {
        robot.interact(() -> {
            dialog = new ProfileDialog(null, new ProfileFields("notes", ProfileFields.Kind.STDIO, "node", List.of(), Map.of(), "",
                    "", Map.of(), List.of()), List.of());
            dialog.show();
        });
        java.util.List<javafx.scene.control.Label> labels = robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                .filter(l -> l.getLabelFor() != null && l.isVisible()).toList();
        assertThat(labels).extracting(javafx.scene.control.Label::getText).contains("_Name", "_Command");
        for (javafx.scene.control.Label l : labels) {
            assertThat(l.getWidth()).as(l.getText()).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
        }
        robot.interact(dialog::close);
    }

    @Test
    void aPastedCommandLineBecomesCommandAndArgumentsWithoutExpansion(FxRobot robot) {
        robot.interact(() -> {
            dialog = new ProfileDialog(null, null, List.of());
            dialog.show();
        });
        robot.interact(() -> {
            dialog.nameField().setText("everything");
            robot.lookup("#profileArgs").queryAs(javafx.scene.control.TextArea.class).setText("--verbose");
            robot.lookup("#profileCommand").queryAs(javafx.scene.control.TextField.class)
                    .setText("npx -y \"@modelcontextprotocol/server-everything\" 'two words' $HOME");
        });
        robot.clickOn("#profileCommand").clickOn("#profileArgs"); // leaving the field splits the line

        ProfileFields fields = dialog.fields();
        assertThat(fields.command()).isEqualTo("npx");
        assertThat(fields.args()).containsExactly("-y", "@modelcontextprotocol/server-everything", "two words", "$HOME", "--verbose");
        assertThat(dialog.validate()).isNull();

        robot.interact(() -> robot.lookup("#profileCommand").queryAs(javafx.scene.control.TextField.class).setText("node 'server.js"));
        assertThat(dialog.validate()).as("an unclosed quote is explained, not split").contains("unclosed quote");
        robot.interact(dialog::close);
    }
}
