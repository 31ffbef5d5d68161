package dev.mcpworkbench.inspector.snapshot;

import dev.mcpworkbench.inspector.io.AtomicFiles;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@link ServerSnapshot}s in the corpus format. */
public final class SnapshotJson {

    /** Hostile snapshots nest deeply and carry huge strings: raise Jackson's limits, keep them finite. */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(20_000)
                    .maxStringLength(512 * 1024 * 1024)
                    .build())
            .build())
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SnapshotJson() {
    }

    public static ServerSnapshot read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        }
    }

    public static ServerSnapshot read(InputStream in, String fallbackSource) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !root.isObject()) {
            throw new IOException("Not a server snapshot: the top level must be a JSON object");
        }
        JsonNode init = root.path("initialize");
        if (!init.isObject()) {
            throw new IOException("Not a server snapshot: no \"initialize\" object (the server's initialize result)");
        }
        String source = root.path("source").isTextual() ? root.get("source").asText() : fallbackSource;
        List<String> listErrors = new ArrayList<>();
        root.path("listErrors").forEach(e -> listErrors.add(e.asText()));
        return new ServerSnapshot(source, (ObjectNode) init,
                items(root, "tools"), items(root, "resources"),
                items(root, "resourceTemplates"), items(root, "prompts"), listErrors);
    }

    private static List<JsonNode> items(JsonNode root, String field) throws IOException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return List.of();
        // the corpus keeps list results as received: {"resources": {"resources": [...], "nextCursor": ...}}
        if (node.isObject() && node.path(field).isArray()) node = node.get(field);
        if (!node.isArray()) throw new IOException("Not a server snapshot: \"" + field + "\" must be an array");
        List<JsonNode> list = new ArrayList<>(node.size());
        node.forEach(list::add);
        return list;
    }

    public static ObjectNode toJson(ServerSnapshot snapshot) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("source", snapshot.source());
        root.set("initialize", snapshot.initialize());
        root.set("tools", array(snapshot.tools()));
        if (!snapshot.resources().isEmpty()) root.set("resources", array(snapshot.resources()));
        if (!snapshot.resourceTemplates().isEmpty()) root.set("resourceTemplates", array(snapshot.resourceTemplates()));
        if (!snapshot.prompts().isEmpty()) root.set("prompts", array(snapshot.prompts()));
        if (!snapshot.listErrors().isEmpty()) snapshot.listErrors().forEach(root.withArray("listErrors")::add);
        return root;
    }

    public static String toJsonString(ServerSnapshot snapshot) {
        try {
            return MAPPER.writeValueAsString(toJson(snapshot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes atomically (see {@link AtomicFiles}). */
    public static void write(ServerSnapshot snapshot, Path file) throws IOException {
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, toJson(snapshot)));
    }

    private static ArrayNode array(List<JsonNode> items) {
        ArrayNode array = MAPPER.createArrayNode();
        items.forEach(array::add);
        return array;
    }
}
