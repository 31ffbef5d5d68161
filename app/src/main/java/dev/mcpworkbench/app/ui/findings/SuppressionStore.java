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

    /** Where {@link #save} keeps them, for the status line ("with connection \"x\"", "for this session only"). */
    default String savedWhere() {
        return "for this session only (the connection has no saved profile)";
    }
}
