package dev.mcpworkbench.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StatusBarTest {

    private final StatusBar bar = new StatusBar();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(bar, 600, 40));
        stage.show();
    }

    @Test
    void theDividerStandsOnlyBetweenTheStateAndAMessage(FxRobot robot) {
        Label divider = (Label) bar.getChildren().stream()
                .filter(n -> n instanceof Label l && "│".equals(l.getText())).findFirst().orElseThrow();
        assertThat(divider.isVisible()).isFalse();
        robot.interact(() -> bar.setMessage("Connected to the lab"));
        assertThat(divider.isVisible()).isTrue();
        robot.interact(() -> bar.setMessage(""));
        assertThat(divider.isVisible()).isFalse();
    }
}
