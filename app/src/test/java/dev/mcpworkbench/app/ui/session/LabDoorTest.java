package dev.mcpworkbench.app.ui.session;

import org.testfx.api.FxRobot;

/** The lab's first screen: "Start and connect" on the flawed server. */
class LabDoorTest extends DoorTestBase {

    @Override
    void open(FxRobot robot) {
        robot.clickOn("#start-flawed");
    }

    @Override
    Class<? extends SessionSource> expectedSource() {
        return SessionSource.Lab.class;
    }
}
