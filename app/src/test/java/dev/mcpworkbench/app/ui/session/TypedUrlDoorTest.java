package dev.mcpworkbench.app.ui.session;

import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import org.testfx.api.FxRobot;

/** "Server → Connect to HTTP URL…" with the flawed lab server's URL. */
class TypedUrlDoorTest extends DoorTestBase {

    private RunningLab lab;

    @Override
    void open(FxRobot robot) {
        lab = Lab.start(LabSpec.flawed());
        robot.interact(() -> context.typedUrls().connect(lab.mcpUrl()));
    }

    @Override
    void closeServer() {
        if (lab != null) lab.close();
    }

    @Override
    Class<? extends SessionSource> expectedSource() {
        return SessionSource.TypedUrl.class;
    }
}
