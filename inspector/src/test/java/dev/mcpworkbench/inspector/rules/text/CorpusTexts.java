package dev.mcpworkbench.inspector.rules.text;

import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Every metadata string of the real servers in the test corpus and of the rule fixtures. */
final class CorpusTexts {

    private CorpusTexts() {
    }

    static List<String> all() throws IOException, URISyntaxException {
        List<String> out = new ArrayList<>();
        for (String dir : new String[] {"/corpus", "/corpus-wide"}) {
            for (Path file : jsonFiles(dir)) {
                try (InputStream in = Files.newInputStream(file)) {
                    ServerSnapshot snapshot = SnapshotJson.read(in, file.toString());
                    for (TextItem item : TextCollector.collect(snapshot)) out.add(item.text());
                }
            }
        }
        for (Path file : jsonFiles("/rules")) strings(SnapshotJson.MAPPER.readTree(file.toFile()), out);
        return out;
    }

    private static List<Path> jsonFiles(String dir) throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.walk(Path.of(CorpusTexts.class.getResource(dir).toURI()))) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void strings(com.fasterxml.jackson.databind.JsonNode node, List<String> out) {
        if (node.isTextual()) out.add(node.asText());
        node.properties().forEach(e -> {
            out.add(e.getKey());
            strings(e.getValue(), out);
        });
        if (node.isArray()) node.forEach(child -> strings(child, out));
    }
}
