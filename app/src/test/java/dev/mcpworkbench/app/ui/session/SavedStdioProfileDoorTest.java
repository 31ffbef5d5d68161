package dev.mcpworkbench.app.ui.session;

import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.lab.LabServerKind;
import dev.mcpworkbench.lab.StdioLab;
import java.util.List;
import java.util.Map;
import org.testfx.api.FxRobot;

/** A saved stdio connection that starts the flawed lab server in a child JVM. */
class SavedStdioProfileDoorTest extends DoorTestBase {

    @Override
    void open(FxRobot robot) {
        List<String> command = StdioLab.command(LabServerKind.FLAWED);
        ProfileFields saved = new ProfileFields("flawed over stdio", ProfileFields.Kind.STDIO, command.get(0),
                command.subList(1, command.size()), Map.of(), "", "", Map.of(), List.of());
        robot.interact(() -> context.connection().saveProfile(null, saved));
        robot.clickOn("#connectButton");
    }

    @Override
    Class<? extends SessionSource> expectedSource() {
        return SessionSource.Saved.class;
    }
}
