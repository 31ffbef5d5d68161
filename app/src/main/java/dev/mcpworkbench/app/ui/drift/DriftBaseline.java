package dev.mcpworkbench.app.ui.drift;

import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pinned baseline of one connection profile and the comparison against it. The app backs it
 * with the profile's pin and the inspector's DRIFT-001 diff. All methods may block: call them off
 * the FX thread.
 */
public interface DriftBaseline {

    /** What is pinned: when, and which server version. */
    record PinInfo(Instant pinnedAt, String serverName, String serverVersion, int tools) {
    }

    Optional<PinInfo> pinned() throws IOException;

    /** Pins {@code snapshot} as the new baseline, replacing any previous one. */
    void pin(ServerSnapshot snapshot) throws IOException;

    /** Differences of {@code current} from the pinned baseline; empty when nothing is pinned. */
    List<ItemChange> changesSince(ServerSnapshot current) throws IOException;

    /** Where the pin is kept, in a sentence for the user. */
    default String where() {
        return "";
    }
}
