package dev.mcpworkbench.lab.server;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The lab's one JSON mapper, and schema literals written as JSON text. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final McpJsonMapper MCP = new JacksonMcpJsonMapper(MAPPER);

    private Json() {
    }

    /** Parses a JSON object literal (schemas are easier to read as JSON than as nested maps). */
    public static Map<String, Object> object(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("bad JSON literal: " + json, e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
