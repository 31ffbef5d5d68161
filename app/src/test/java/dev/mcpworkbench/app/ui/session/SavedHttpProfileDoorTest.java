package dev.mcpworkbench.app.ui.session;

import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import org.testfx.api.FxRobot;

/** A saved Streamable HTTP connection to the flawed lab server, connected from the sidebar. */
class SavedHttpProfileDoorTest extends DoorTestBase {

    private RunningLab lab;

    @Override
    void open(FxRobot robot) {
        lab = Lab.start(LabSpec.flawed());
        ProfileFields saved = ProfileFields.http("flawed over http", lab.mcpUrl());
        robot.interact(() -> context.connection().saveProfile(null, saved));
        robot.clickOn("#connectButton");
    }

    @Override
    void closeServer() {
        if (lab != null) lab.close();
    }

    @Override
    Class<? extends SessionSource> expectedSource() {
        return SessionSource.Saved.class;
    }
}
