package dev.mcpworkbench.app.ui.drift;

import dev.mcpworkbench.inspector.rules.Baseline;
import java.io.IOException;
import java.util.Optional;

/** Where a connection profile keeps its pinned baseline (DRIFT-001). May block. */
public interface BaselineStore {

    Optional<Baseline> load() throws IOException;

    void save(Baseline baseline) throws IOException;

    /** Where a pin is kept, in a sentence for the user (e.g. which profile, or "this session only"). */
    default String where() {
        return "Kept for this session only.";
    }
}
