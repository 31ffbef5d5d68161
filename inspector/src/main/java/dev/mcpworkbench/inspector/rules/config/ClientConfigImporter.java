package dev.mcpworkbench.inspector.rules.config;

import dev.mcpworkbench.inspector.rules.ConnectionTarget;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an MCP client configuration into connection targets. Understands the shapes in use:
 * {@code {"mcpServers": {...}}} (Claude Desktop, Cursor, Windsurf, generic mcp.json),
 * {@code {"servers": {...}}} (VS Code .vscode/mcp.json) and {@code {"mcp": {"servers": {...}}}}
 * (VS Code settings.json). Comments and trailing commas are accepted, as VS Code writes them.
 */
public final class ClientConfigImporter {

    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private ClientConfigImporter() {
    }

    public static List<ConnectionTarget> importFile(Path file) throws IOException {
        return importJson(Files.readString(file), file.toString());
    }

    public static List<ConnectionTarget> importJson(String json, String fileName) throws IOException {
        return importEntries(json, fileName).stream().map(ClientConfigEntry::target).toList();
    }

    /** The entries of a configuration file with the transport each declares (the desktop's import). */
    public static List<ClientConfigEntry> importEntries(Path file) throws IOException {
        return importEntries(Files.readString(file), file.toString());
    }

    public static List<ClientConfigEntry> importEntries(String json, String fileName) throws IOException {
        JsonNode root;
        try {
            root = LENIENT.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("Not a client configuration: invalid JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode servers = serversNode(root);
        if (servers == null) {
            throw new IOException("Not a client configuration: no \"mcpServers\", \"servers\" or \"mcp.servers\" object");
        }
        List<ClientConfigEntry> entries = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = servers.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) {
                // VS Code and Claude Code say "type", some clients "transport"
                String type = text(e.getValue(), "type");
                if (type == null) type = text(e.getValue(), "transport");
                entries.add(new ClientConfigEntry(target(e.getKey(), e.getValue(), fileName), type));
            }
        }
        return entries;
    }

    /** Parses a configuration's text as the clients do (comments and trailing commas allowed). */
    static JsonNode readLenient(String json) throws IOException {
        return LENIENT.readTree(json);
    }

    static JsonNode serversNode(JsonNode root) {
        if (root == null || !root.isObject()) return null;
        if (root.path("mcpServers").isObject()) return root.get("mcpServers");
        if (root.path("servers").isObject()) return root.get("servers");
        if (root.path("mcp").path("servers").isObject()) return root.get("mcp").get("servers");
        return null;
    }

    private static ConnectionTarget target(String name, JsonNode entry, String fileName) {
        String command = text(entry, "command");
        String url = text(entry, "url");
        if (url == null) url = text(entry, "serverUrl");
        List<String> args = new ArrayList<>();
        entry.path("args").forEach(a -> args.add(a.isValueNode() ? a.asText() : a.toString()));
        return new ConnectionTarget(name, command, args, strings(entry.path("env")), url,
                strings(entry.path("headers")), fileName, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!object.isObject()) return out;
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return out;
    }
}
