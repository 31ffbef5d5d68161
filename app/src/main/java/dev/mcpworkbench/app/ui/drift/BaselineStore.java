package dev.mcpworkbench.app.ui.drift;

import dev.mcpworkbench.inspector.rules.drift.Baseline;
import java.io.IOException;
import java.util.Optional;

/** Where a connection profile keeps its pinned baseline (DRIFT-001). May block. */
public interface BaselineStore {

    Optional<Baseline> load() throws IOException;

    void save(Baseline baseline) throws IOException;
}
