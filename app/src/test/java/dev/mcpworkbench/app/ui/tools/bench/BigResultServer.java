package dev.mcpworkbench.app.ui.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A tiny stdio MCP server with one tool, {@code big}, whose result is one text block holding a
 * JSON array of small objects, about {@code megabytes} MB (first argument); the same array is the
 * text of one resource ({@code big://rows}) and of the one message of one prompt ({@code big}).
 * For the big-result benchmark: newline-delimited JSON-RPC, no SDK, answers written straight to
 * stdout.
 *
 * <p>The second argument gives the tool result another shape of the same size ({@link BigShapes}):
 * {@code prose}, {@code structured} (the same rows as text and as structuredContent),
 * {@code structured-distinct} (fewer rows in the text), {@code blocks}, {@code image}, {@code audio}, or
 * {@code image-bomb} (a small PNG that declares 20,000 × 20,000 pixels).
 */
public final class BigResultServer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BigResultServer() {
    }

    public static void main(String[] args) throws IOException {
        long bytes = (long) (Double.parseDouble(args.length > 0 ? args[0] : "10") * 1024 * 1024);
        String shape = args.length > 1 ? args[1] : "rows";
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            JsonNode msg = MAPPER.readTree(line);
            if (!msg.has("id") || !msg.has("method")) continue;
            String id = msg.get("id").toString();
            switch (msg.get("method").asText()) {
                case "initialize" -> write(out, id, "{\"protocolVersion\":" + msg.path("params").path("protocolVersion").toString()
                        + ",\"capabilities\":{\"tools\":{},\"resources\":{},\"prompts\":{}},\"serverInfo\":{\"name\":\"big-result\",\"version\":\"1.0\"}}");
                case "tools/list" -> write(out, id, "{\"tools\":[{\"name\":\"big\",\"description\":\"Returns a large JSON array as one text block.\","
                        + "\"inputSchema\":{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}}]}");
                case "tools/call" -> {
                    if (shape.equals("rows")) bigText(out, id, "{\"content\":[{\"type\":\"text\",\"text\":\"", "\"}],\"isError\":false}", bytes);
                    else BigShapes.write(out, id, shape, bytes);
                }
                case "resources/list" -> write(out, id, "{\"resources\":[{\"uri\":\"big://rows\",\"name\":\"rows\","
                        + "\"description\":\"A large JSON array.\",\"mimeType\":\"application/json\"}]}");
                case "resources/templates/list" -> write(out, id, "{\"resourceTemplates\":[]}");
                case "resources/read" -> bigText(out, id, "{\"contents\":[{\"uri\":\"big://rows\",\"mimeType\":\"application/json\",\"text\":\"",
                        "\"}]}", bytes);
                case "prompts/list" -> write(out, id, "{\"prompts\":[{\"name\":\"big\",\"description\":\"One message holding a large JSON array.\"}]}");
                case "prompts/get" -> bigText(out, id, "{\"description\":\"big\",\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"",
                        "\"}}]}", bytes);
                case "ping" -> write(out, id, "{}");
                default -> {
                    out.write(("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        }
    }

    private static void write(OutputStream out, String id, String result) throws IOException {
        out.write(("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * A result whose one big text is the array, written escaped, as it sits inside a JSON string:
     * {@code before} ends where the string's content starts, {@code after} goes on from its end.
     */
    private static void bigText(OutputStream out, String id, String before, String after, long bytes) throws IOException {
        out.write(("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + before).getBytes(StandardCharsets.UTF_8));
        rows(out, bytes, true);
        out.write((after + "}\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The array of rows, about {@code bytes} long: escaped as inside a JSON string, or as plain JSON. Returns how many rows it wrote. */
    static int rows(OutputStream out, long bytes, boolean escaped) throws IOException {
        return rows(out, bytes, Integer.MAX_VALUE, escaped);
    }

    /** The array of the first {@code count} rows. */
    static void rowsCounted(OutputStream out, int count, boolean escaped) throws IOException {
        rows(out, Long.MAX_VALUE, count, escaped);
    }

    private static int rows(OutputStream out, long bytes, int count, boolean escaped) throws IOException {
        String q = escaped ? "\\\"" : "\"";
        out.write('[');
        long written = 0;
        int i = 0;
        for (; written < bytes && i < count; i++) {
            String row = (i == 0 ? "" : ",") + "{" + q + "id" + q + ":" + i + "," + q + "name" + q + ":" + q + "item " + i
                    + q + "," + q + "status" + q + ":" + q + "active" + q + "," + q + "score" + q + ":" + (i % 997) + "}";
            byte[] b = row.getBytes(StandardCharsets.UTF_8);
            out.write(b);
            written += b.length;
        }
        out.write(']');
        return i;
    }
}
