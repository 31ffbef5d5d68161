package dev.mcpworkbench.inspector.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.rules.Baseline;
import dev.mcpworkbench.inspector.rules.PinnedItem;
import dev.mcpworkbench.inspector.rules.suppress.Suppression;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a connection profile remembers about its server's findings: the accepted findings
 * ({@value #SUPPRESSIONS}) and the DRIFT-001 pin ({@value #PIN}), kept in the profile's extensions
 * in exactly the JSON of the CLI's {@code scan --suppressions FILE} and {@code scan --pin FILE} /
 * {@code --baseline FILE}, so either value can be copied out to a file and used by the CLI.
 *
 * <p>Reading never fails: content that cannot be read is left out and described in
 * {@link #warnings()}. Writing never drops content it could not read: an unreadable suppression
 * entry stays in the list, and an unreadable value that is replaced is kept under
 * {@code <key>.unreadable}.
 *
 * @param suppressions the accepted findings that could be read
 * @param pin          the pinned baseline, when there is a readable one
 * @param warnings     one sentence per piece of content that was left out
 */
public record ProfileAnalysisState(Suppressions suppressions, Optional<Baseline> pin, List<String> warnings) {

    public static final String SUPPRESSIONS = "suppressions";
    public static final String PIN = "pins";
    static final String UNREADABLE = ".unreadable";

    public ProfileAnalysisState {
        suppressions = suppressions == null ? Suppressions.none() : suppressions;
        pin = pin == null ? Optional.empty() : pin;
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }

    /** The state kept in {@code profile}; a profile from before this existed has none. */
    public static ProfileAnalysisState of(ConnectionProfile profile) {
        ObjectNode extensions = profile.extensions();
        List<String> warnings = new ArrayList<>();
        Suppressions suppressions = readSuppressions(extensions.get(SUPPRESSIONS), profile.name(), warnings);
        Optional<Baseline> pin = readPin(extensions.get(PIN), profile.name(), warnings);
        return new ProfileAnalysisState(suppressions, pin, warnings);
    }

    /** A copy of {@code profile} keeping {@code suppressions}; everything else in it is unchanged. */
    public static ConnectionProfile withSuppressions(ConnectionProfile profile, Suppressions suppressions) {
        ObjectNode extensions = profile.extensions();
        JsonNode old = extensions.get(SUPPRESSIONS);
        ObjectNode value = SnapshotJson.MAPPER.valueToTree(suppressions);
        if (old != null && !old.isNull()) {
            if (hasItemsArray(old)) {
                for (JsonNode item : old.get("items")) {
                    if (suppression(item).isEmpty()) ((ArrayNode) value.get("items")).add(item);
                }
            } else {
                extensions.set(SUPPRESSIONS + UNREADABLE, old);
            }
        }
        extensions.set(SUPPRESSIONS, value);
        return profile.withExtensions(extensions);
    }

    /** A copy of {@code profile} with {@code pin} as its baseline ({@code null} removes the pin). */
    public static ConnectionProfile withPin(ConnectionProfile profile, Baseline pin) {
        ObjectNode extensions = profile.extensions();
        JsonNode old = extensions.get(PIN);
        if (old != null && !old.isNull() && baseline(old).isEmpty()) extensions.set(PIN + UNREADABLE, old);
        if (pin == null) extensions.remove(PIN);
        else extensions.set(PIN, SnapshotJson.MAPPER.valueToTree(pin));
        return profile.withExtensions(extensions);
    }

    private static Suppressions readSuppressions(JsonNode node, String profile, List<String> warnings) {
        if (node == null || node.isNull()) return Suppressions.none();
        if (!hasItemsArray(node)) {
            warnings.add("The suppressions of \"" + profile + "\" are not an object with an \"items\" list; they are ignored.");
            return Suppressions.none();
        }
        List<Suppression> items = new ArrayList<>();
        int index = 0;
        for (JsonNode item : node.get("items")) {
            index++;
            Optional<Suppression> read = suppression(item);
            if (read.isPresent()) items.add(read.get());
            else warnings.add("Suppression " + index + " of \"" + profile + "\" cannot be read (it needs a fingerprint"
                    + " and a reason); it is ignored and kept in the file as it is.");
        }
        return new Suppressions(items);
    }

    private static Optional<Baseline> readPin(JsonNode node, String profile, List<String> warnings) {
        if (node == null || node.isNull()) return Optional.empty();
        Optional<Baseline> pin = baseline(node);
        if (pin.isEmpty()) warnings.add("The pinned baseline of \"" + profile + "\" cannot be read; drift is shown"
                + " as not pinned until you pin again (the old value is then kept as \"" + PIN + UNREADABLE + "\").");
        return pin;
    }

    private static boolean hasItemsArray(JsonNode node) {
        return node.isObject() && node.path("items").isArray();
    }

    private static Optional<Suppression> suppression(JsonNode item) {
        if (!item.isObject() || !item.path("fingerprint").isTextual() || !item.path("reason").isTextual()) return Optional.empty();
        try {
            return Optional.of(SnapshotJson.MAPPER.treeToValue(item, Suppression.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A baseline whose every item has a digest and a definition (the diff relies on both). */
    private static Optional<Baseline> baseline(JsonNode node) {
        if (!node.isObject() || !node.path("items").isObject()) return Optional.empty();
        try {
            Baseline baseline = SnapshotJson.MAPPER.treeToValue(node, Baseline.class);
            for (Map.Entry<String, PinnedItem> e : baseline.items().entrySet()) {
                PinnedItem item = e.getValue();
                if (item == null || item.sha256() == null || item.sha256().isBlank() || item.definition() == null) {
                    return Optional.empty();
                }
            }
            return Optional.of(baseline);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
