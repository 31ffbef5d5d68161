package dev.mcpworkbench.inspector.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.drift.Baseline;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.IOException;
import java.util.Optional;

/**
 * A profile's analysis state, kept in its extensions in the same JSON form as the CLI's
 * {@code --suppressions} and {@code --pin} files (so the two can be copied between each other):
 * {@code "suppressions"} (the reasons findings were accepted) and {@code "pins"} (the DRIFT-001
 * baseline the server's definitions are compared with).
 */
public final class ProfileAnalysis {

    public static final String SUPPRESSIONS = "suppressions";
    public static final String PINS = "pins";

    private ProfileAnalysis() {
    }

    /** The saved suppressions; none when the profile has never saved any. */
    public static Suppressions suppressions(ConnectionProfile profile) throws IOException {
        JsonNode node = profile.extensions().get(SUPPRESSIONS);
        if (node == null || node.isNull()) return Suppressions.none();
        return read(profile, SUPPRESSIONS, node, Suppressions.class);
    }

    /** The pinned baseline, if the user pinned this server. */
    public static Optional<Baseline> pins(ConnectionProfile profile) throws IOException {
        JsonNode node = profile.extensions().get(PINS);
        if (node == null || node.isNull()) return Optional.empty();
        return Optional.of(read(profile, PINS, node, Baseline.class));
    }

    public static ConnectionProfile withSuppressions(ConnectionProfile profile, Suppressions suppressions) {
        return profile.withExtension(SUPPRESSIONS, SnapshotJson.MAPPER.valueToTree(suppressions));
    }

    public static ConnectionProfile withPins(ConnectionProfile profile, Baseline baseline) {
        return profile.withExtension(PINS, baseline == null ? null : SnapshotJson.MAPPER.valueToTree(baseline));
    }

    private static <T> T read(ConnectionProfile profile, String key, JsonNode node, Class<T> type) throws IOException {
        try {
            T value = SnapshotJson.MAPPER.treeToValue(node, type);
            if (value == null) throw new IOException("empty");
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new IOException("The " + key + " saved with connection \"" + profile.name() + "\" cannot be read: " + reason, e);
        }
    }
}
