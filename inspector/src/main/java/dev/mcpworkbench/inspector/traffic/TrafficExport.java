package dev.mcpworkbench.inspector.traffic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.io.AtomicFiles;
import dev.mcpworkbench.inspector.payload.WellFormedText;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Traffic as a JSON document ({@code {"entries":[...]}}), for saving and sharing. Secrets are
 * masked unless the caller passes {@link SecretMasker#REVEALING}.
 */
public final class TrafficExport {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TrafficExport() {
    }

    public static ObjectNode toJson(List<TrafficEntry> entries, SecretMasker masker) {
        ObjectNode root = JSON.objectNode();
        root.put("secretsMasked", masker.isMasking());
        ArrayNode array = root.putArray("entries");
        for (TrafficEntry entry : entries) array.add(entryJson(entry, masker));
        return root;
    }

    public static ObjectNode entryJson(TrafficEntry entry, SecretMasker masker) {
        ObjectNode node = JSON.objectNode()
                .put("seq", entry.seq())
                .put("time", entry.time().toString())
                .put("direction", entry.direction().name())
                .put("kind", entry.kind().name())
                .put("sizeBytes", entry.sizeBytes());
        if (!entry.method().isEmpty()) node.put("method", entry.method());
        if (!entry.id().isEmpty()) node.put("id", entry.id());
        if (entry.requestSeq() > 0) node.put("requestSeq", entry.requestSeq());
        if (entry.latency() != null) node.put("latencyMillis", entry.latency().toNanos() / 1_000_000.0);
        if (entry.http() != null) node.set("http", httpJson(masker.http(entry.http())));
        // a lone surrogate cannot be written as UTF-8: named, like everywhere else (see WellFormedText)
        node.put("text", WellFormedText.of(masker.text(entry.text())));
        return node;
    }

    private static ObjectNode httpJson(HttpInfo http) {
        ObjectNode node = JSON.objectNode().put("method", http.method()).put("url", http.url());
        if (http.status() > 0) node.put("status", http.status());
        node.set("requestHeaders", headersJson(http.requestHeaders()));
        if (!http.responseHeaders().isEmpty()) node.set("responseHeaders", headersJson(http.responseHeaders()));
        return node;
    }

    private static ObjectNode headersJson(Map<String, List<String>> headers) {
        ObjectNode node = JSON.objectNode();
        headers.forEach((name, values) -> {
            ArrayNode array = node.putArray(name);
            values.forEach(array::add);
        });
        return node;
    }

    /** Writes the export (masked unless told otherwise) to a file, as every other file is written (see {@link AtomicFiles}). */
    public static void write(List<TrafficEntry> entries, SecretMasker masker, Path file) throws IOException {
        ObjectNode json = toJson(entries, masker);
        AtomicFiles.write(file, out -> SnapshotJson.MAPPER.writeValue(out, json));
    }
}
