package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import java.io.IOException;

/**
 * Where the findings view keeps the suppressions of the connection it shows. The desktop app
 * backs it with the connection profile (suppressions are saved and exported with it).
 */
public interface SuppressionStore {

    /** The profile's suppressions as held in memory: called on the FX thread, must not block. */
    Suppressions load();

    /** Called on a background thread: implementations may write files. */
    void save(Suppressions suppressions) throws IOException;

    /** Where saved suppressions go, in a sentence for the user (e.g. which profile, or "this session only"). */
    default String where() {
        return "Kept for this session only.";
    }
}
