package dev.mcpworkbench.inspector.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.inspector.rules.Location;
import java.util.HashMap;
import java.util.Map;

/**
 * The file SARIF results point at. GitHub code scanning needs a physical location for every
 * result; when the scan read a snapshot file that lives in the repository, pointing at that file
 * and at the line where the tool (resource, prompt) is defined puts the alert next to the
 * definition. A live scan has no file, so it gets a stable placeholder path at line 1.
 *
 * @param uri   a relative path with forward slashes
 * @param lines the first line of each item's definition, keyed by kind and name
 */
public record SarifArtifact(String uri, Map<String, Integer> lines) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SarifArtifact {
        lines = Map.copyOf(lines);
    }

    /** The placeholder for a server that was not read from a file. */
    public static SarifArtifact placeholder(String serverName) {
        return new SarifArtifact(SarifReport.artifactUri(serverName), Map.of());
    }

    /**
     * A snapshot file's text: each item's line is where its {@code "name"} (or a resource's
     * {@code "uri"}) member first appears. Good enough for the pretty-printed files
     * {@code snapshot} writes; a minified file puts everything on line 1.
     */
    public static SarifArtifact ofSnapshotFile(String relativePath, String text) {
        Map<String, Integer> lines = new HashMap<>();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                index(text.substring(lineStart, i), line, lines);
                line++;
                lineStart = i + 1;
            }
        }
        return new SarifArtifact(relativePath.replace('\\', '/'), lines);
    }

    /**
     * The same as {@link #ofSnapshotFile(String, String)}, reading the file line by line: a
     * 250 MB snapshot is not held a second time as one string.
     */
    public static SarifArtifact ofSnapshotFile(String relativePath, java.nio.file.Path file) throws java.io.IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (java.io.BufferedReader in = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            int line = 1;
            for (String text = in.readLine(); text != null; text = in.readLine()) index(text, line++, lines);
        }
        return new SarifArtifact(relativePath.replace('\\', '/'), lines);
    }

    private static void index(String lineText, int line, Map<String, Integer> lines) {
        for (String member : new String[] {"name", "uri", "uriTemplate"}) {
            int at = lineText.indexOf("\"" + member + "\"");
            if (at < 0) continue;
            int colon = lineText.indexOf(':', at);
            if (colon < 0) continue;
            try {
                String value = JSON.readTree(lineText.substring(colon + 1).strip().replaceAll(",$", "")).asText(null);
                if (value != null) lines.putIfAbsent(member + "\u0000" + value, line);
            } catch (JsonProcessingException notASimpleValue) {
                // "name": { ... } or a value split over lines: not an item's name
            }
        }
    }

    /** The line a finding's item starts on, or 1. */
    public int lineOf(Location location) {
        String member = switch (location.kind()) {
            case RESOURCE -> "uri";
            case RESOURCE_TEMPLATE -> "uriTemplate";
            default -> "name";
        };
        return lines.getOrDefault(member + "\u0000" + location.name(), 1);
    }
}
