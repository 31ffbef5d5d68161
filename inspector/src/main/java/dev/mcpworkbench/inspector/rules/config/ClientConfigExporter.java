package dev.mcpworkbench.inspector.rules.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Writes a server back in a client's configuration format: the entry itself, a whole file holding
 * it, or an existing file with the entry added. What each client understands differs for remote
 * servers: VS Code and Claude Code take {@code type} and {@code url}, Cursor {@code url}, Windsurf
 * {@code serverUrl}, and Claude Desktop's file takes commands only, so a remote server goes through
 * {@code mcp-remote}. Values are written as they are: a secret in a header stays a literal (the
 * caller shows CONFIG-001 on the result before writing it).
 */
public final class ClientConfigExporter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper STRICT = new ObjectMapper();

    private ClientConfigExporter() {
    }

    /** The entry for {@code target} in {@code client}'s format. */
    public static ObjectNode entry(McpClient client, ServerTarget target) {
        ObjectNode entry = JSON.objectNode();
        switch (target) {
            case ServerTarget.Stdio s -> {
                if (client == McpClient.VS_CODE || client == McpClient.CLAUDE_CODE) entry.put("type", "stdio");
                entry.put("command", s.command());
                ArrayNode args = entry.putArray("args");
                s.args().forEach(args::add);
                if (!s.env().isEmpty()) strings(entry.putObject("env"), s.env());
                if (s.workingDir() != null && client == McpClient.VS_CODE) entry.put("cwd", s.workingDir().toString());
            }
            case ServerTarget.StreamableHttp h -> remote(entry, client, h.url(), h.headers(), false);
            case ServerTarget.Sse h -> remote(entry, client, h.url(), h.headers(), true);
        }
        return entry;
    }

    private static void remote(ObjectNode entry, McpClient client, URI url, Map<String, String> headers, boolean sse) {
        switch (client) {
            case VS_CODE, CLAUDE_CODE -> entry.put("type", sse ? "sse" : "http").put("url", url.toString());
            case CURSOR -> entry.put("url", url.toString());
            case WINDSURF -> entry.put("serverUrl", url.toString());
            case CLAUDE_DESKTOP -> {
                entry.put("command", "npx");
                ArrayNode args = entry.putArray("args").add("-y").add("mcp-remote").add(url.toString());
                headers.forEach((name, value) -> args.add("--header").add(name + ":" + value));
                if (sse) args.add("--transport").add("sse-only");
                return;
            }
        }
        if (!headers.isEmpty()) strings(entry.putObject("headers"), headers);
    }

    /** A whole configuration file holding the one entry. */
    public static String file(McpClient client, String name, ServerTarget target) {
        ObjectNode root = JSON.objectNode();
        root.putObject(client.serversKey()).set(name, entry(client, target));
        return pretty(root);
    }

    /**
     * {@code existing} (a configuration file's text) with the entry added, or replacing the entry of
     * that name. The file keeps its other content and order; a file with comments or trailing commas
     * is refused, since writing it back would drop them.
     */
    public static String addTo(String existing, McpClient client, String name, ServerTarget target) throws IOException {
        if (existing == null || existing.isBlank()) return file(client, name, target);
        JsonNode root;
        try {
            root = STRICT.readTree(existing);
        } catch (JsonProcessingException e) {
            ClientConfigImporter.readLenient(existing); // not JSON at all: say that instead
            throw new IOException("the file has comments or trailing commas, which writing it back would drop: copy the entry into it by hand");
        }
        if (!(root instanceof ObjectNode object)) throw new IOException("the file is not a JSON object");
        JsonNode servers = ClientConfigImporter.serversNode(object);
        ObjectNode into = servers instanceof ObjectNode o ? o : object.putObject(client.serversKey());
        into.set(name, entry(client, target));
        return pretty(object);
    }

    /** Whether {@code existing} already has an entry called {@code name}. */
    public static boolean has(String existing, String name) {
        try {
            JsonNode servers = ClientConfigImporter.serversNode(ClientConfigImporter.readLenient(existing));
            return servers != null && servers.has(name);
        } catch (IOException e) {
            return false;
        }
    }

    public static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void strings(ObjectNode into, Map<String, String> values) {
        values.forEach(into::put);
    }
}
