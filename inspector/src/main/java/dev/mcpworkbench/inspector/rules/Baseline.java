package dev.mcpworkbench.inspector.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pinned definitions of a server at one moment (a "pin"). Keys name the item:
 * {@code tool:<name>}, {@code instructions}, {@code prompt:<name>}, {@code resourceTemplate:<uriTemplate>}.
 * Serializes with Jackson; the connection profile stores it. Re-pinning creates a new baseline
 * with {@link Pins#pin}.
 */
public record Baseline(String serverName, String serverVersion, String pinnedAt, Map<String, PinnedItem> items) {

    @JsonCreator
    public Baseline(@JsonProperty("serverName") String serverName,
                    @JsonProperty("serverVersion") String serverVersion,
                    @JsonProperty("pinnedAt") String pinnedAt,
                    @JsonProperty("items") Map<String, PinnedItem> items) {
        this.serverName = serverName == null ? "" : serverName;
        this.serverVersion = serverVersion == null ? "" : serverVersion;
        this.pinnedAt = pinnedAt == null ? "" : pinnedAt;
        this.items = items == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(items));
    }
}
