package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The custom headers a tool declares (2026-07-28, SEP-2243): a top-level property of its
 * {@code inputSchema} marked {@code "x-mcp-header": "Name"} is mirrored, when the call gives it a
 * non-null value, into the header {@code Mcp-Param-Name}. A declaration must be a non-empty HTTP
 * token (visible ASCII, no separators), unique ignoring case, on a string, integer or boolean
 * property; a tool with any invalid declaration must not be called (the spec asks clients to
 * exclude it), which {@link #validate} reports with the reason.
 */
final class ToolHeaders {

    static final String KEYWORD = "x-mcp-header";
    static final String PREFIX = "Mcp-Param-";
    private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";
    private static final Set<String> PRIMITIVES = Set.of("string", "integer", "boolean");

    /** One mirrored property: its name in the arguments and its header name. */
    record Declaration(String property, String header) {
    }

    /** Thrown for a tool whose declarations are invalid. */
    static final class InvalidDeclaration extends Exception {
        InvalidDeclaration(String message) {
            super(message, null, false, false);
        }
    }

    private ToolHeaders() {
    }

    /** The tool's declarations, in schema order; none when it declares none. */
    static List<Declaration> validate(JsonNode tool) throws InvalidDeclaration {
        List<Declaration> declarations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode properties = tool.path("inputSchema").path("properties");
        if (!properties.isObject()) return declarations;
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode declared = property.getValue().get(KEYWORD);
            if (declared == null) continue;
            String where = "property '" + property.getKey() + "'";
            if (!declared.isTextual() || declared.asText().isEmpty()) {
                throw new InvalidDeclaration(KEYWORD + " of " + where + " must be a non-empty string");
            }
            String header = declared.asText();
            if (!isToken(header)) {
                throw new InvalidDeclaration(KEYWORD + " '" + header + "' of " + where
                        + " is not a valid header name (visible ASCII only, no spaces, colons or other separators)");
            }
            JsonNode type = property.getValue().get("type");
            if (type == null || !type.isTextual() || !PRIMITIVES.contains(type.asText())) {
                throw new InvalidDeclaration(KEYWORD + " '" + header + "' is on " + where + " of type "
                        + (type == null ? "(none)" : type.toString()) + "; only string, integer and boolean properties can be headers");
            }
            if (!seen.add(header.toLowerCase(Locale.ROOT))) {
                throw new InvalidDeclaration(KEYWORD + " '" + header + "' is declared twice (header names ignore case)");
            }
            declarations.add(new Declaration(property.getKey(), header));
        }
        return declarations;
    }

    /** The headers for a call with {@code arguments}: declared properties with a non-null value. */
    static Map<String, String> headers(List<Declaration> declarations, JsonNode arguments) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (arguments == null || !arguments.isObject()) return headers;
        for (Declaration d : declarations) {
            JsonNode value = arguments.get(d.property());
            if (value == null || value.isNull() || value.isContainerNode()) continue;
            headers.put(PREFIX + d.header(), HeaderValues.encode(value.asText()));
        }
        return headers;
    }

    private static boolean isToken(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7F || SEPARATORS.indexOf(c) >= 0) return false;
        }
        return true;
    }
}
