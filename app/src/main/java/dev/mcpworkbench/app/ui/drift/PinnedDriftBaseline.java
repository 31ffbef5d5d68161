package dev.mcpworkbench.app.ui.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.Baseline;
import dev.mcpworkbench.inspector.rules.drift.DefinitionChange;
import dev.mcpworkbench.inspector.rules.drift.Pins;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The drift screen's baseline over the inspector's pins ({@link Pins}, the DRIFT-001 engine) and a
 * profile's {@link BaselineStore}.
 */
public final class PinnedDriftBaseline implements DriftBaseline {

    private final BaselineStore store;

    public PinnedDriftBaseline(BaselineStore store) {
        this.store = store;
    }

    @Override
    public Optional<PinInfo> pinned() throws IOException {
        return store.load().map(b -> new PinInfo(instant(b.pinnedAt()), b.serverName(), b.serverVersion(),
                (int) b.items().keySet().stream().filter(k -> k.startsWith("tool:")).count()));
    }

    @Override
    public void pin(ServerSnapshot snapshot) throws IOException {
        store.save(Pins.pin(snapshot));
    }

    @Override
    public String where() {
        return store.where();
    }

    @Override
    public List<ItemChange> changesSince(ServerSnapshot current) throws IOException {
        Optional<Baseline> baseline = store.load();
        if (baseline.isEmpty()) return List.of();
        java.util.Map<String, JsonNode> now = Pins.definitions(current);
        return Pins.diff(baseline.get(), current).stream()
                .map(c -> toItemChange(c, baseline.get(), now)).toList();
    }

    /** Added and removed items carry their whole definition, so the user sees what appeared or went. */
    static ItemChange toItemChange(DefinitionChange change, Baseline baseline, java.util.Map<String, JsonNode> now) {
        List<ItemChange.FieldChange> fields = switch (change.kind()) {
            case ADDED -> List.of(new ItemChange.FieldChange("definition", "",
                    now.get(change.key()) == null ? "" : now.get(change.key()).toPrettyString()));
            case REMOVED -> List.of(new ItemChange.FieldChange("definition",
                    baseline.items().get(change.key()) == null ? ""
                            : baseline.items().get(change.key()).definition().toPrettyString(), ""));
            case CHANGED -> change.fields().stream()
                    .map(f -> new ItemChange.FieldChange(f.pointer().isEmpty() ? "(whole item)" : f.pointer(),
                            readable(f.before()), readable(f.after())))
                    .toList();
        };
        String kind = switch (change.itemKind()) {
            case "resourceTemplate" -> "resource template";
            default -> change.itemKind();
        };
        return new ItemChange(ItemChange.Kind.valueOf(change.kind().name()), kind, change.itemName(), fields);
    }

    /** JSON strings are shown decoded so a description diff reads as text; other values stay JSON. */
    private static String readable(String json) {
        if (json == null) return "";
        try {
            JsonNode node = SnapshotJson.MAPPER.readTree(json);
            return node.isTextual() ? node.asText() : node.toPrettyString();
        } catch (IOException e) {
            return json;
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            return Instant.EPOCH;
        }
    }
}
