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
 * JSON array of small objects, about {@code megabytes} MB (first argument). For the big-result
 * benchmark: newline-delimited JSON-RPC, no SDK, answers written straight to stdout.
 */
public final class BigResultServer {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BigResultServer() {
    }

    public static void main(String[] args) throws IOException {
        long bytes = (long) (Double.parseDouble(args.length > 0 ? args[0] : "10") * 1024 * 1024);
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
                        + ",\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"big-result\",\"version\":\"1.0\"}}");
                case "tools/list" -> write(out, id, "{\"tools\":[{\"name\":\"big\",\"description\":\"Returns a large JSON array as one text block.\","
                        + "\"inputSchema\":{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}}]}");
                case "tools/call" -> bigResult(out, id, bytes);
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

    /** The array is written escaped, as it sits inside the text block's JSON string. */
    private static void bigResult(OutputStream out, String id, long bytes) throws IOException {
        out.write(("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"[").getBytes(StandardCharsets.UTF_8));
        long written = 0;
        for (int i = 0; written < bytes; i++) {
            String row = (i == 0 ? "" : ",") + "{\\\"id\\\":" + i + ",\\\"name\\\":\\\"item " + i
                    + "\\\",\\\"status\\\":\\\"active\\\",\\\"score\\\":" + (i % 997) + "}";
            byte[] b = row.getBytes(StandardCharsets.UTF_8);
            out.write(b);
            written += b.length;
        }
        out.write("]\"}],\"isError\":false}}\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
