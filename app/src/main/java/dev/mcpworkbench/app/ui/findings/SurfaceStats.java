package dev.mcpworkbench.app.ui.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.util.Iterator;
import java.util.Map;

/**
 * Size and tightness of a server's surface for the overview: how many tools, what the tool list
 * costs in context (o200k_base tokens of tools/list plus instructions, as SURFACE-002 counts it),
 * and how many input parameters are constrained.
 */
public record SurfaceStats(int tools, int tokens, int parameters, int constrainedParameters) {

    private static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    /** Share of parameters that are constrained, 0..1 (1 when the server has no parameters). */
    public double tightness() {
        return parameters == 0 ? 1.0 : (double) constrainedParameters / parameters;
    }

    /** Blocking (tokenizing a large tool list takes a moment): call off the FX thread. */
    public static SurfaceStats of(ServerSnapshot snapshot) {
        String toolList = SnapshotJson.MAPPER.createObjectNode()
                .set("tools", SnapshotJson.MAPPER.valueToTree(snapshot.tools())).toString();
        int tokens = O200K.countTokensOrdinary(toolList)
                + snapshot.instructions().map(O200K::countTokensOrdinary).orElse(0);
        int parameters = 0;
        int constrained = 0;
        for (JsonNode tool : snapshot.tools()) {
            Iterator<Map.Entry<String, JsonNode>> properties = tool.path("inputSchema").path("properties").fields();
            while (properties.hasNext()) {
                parameters++;
                if (isConstrained(properties.next().getValue())) constrained++;
            }
        }
        return new SurfaceStats(snapshot.tools().size(), tokens, parameters, constrained);
    }

    /** A parameter is constrained when its schema bounds the values an agent can put in it. */
    static boolean isConstrained(JsonNode schema) {
        if (schema.has("enum") || schema.has("const")) return true;
        String type = schema.path("type").asText("");
        return switch (type) {
            case "string" -> schema.has("pattern") || schema.has("format") || schema.has("maxLength");
            case "integer", "number" -> schema.has("maximum") || schema.has("exclusiveMaximum");
            case "boolean" -> true;
            case "array" -> schema.has("maxItems");
            case "object" -> schema.path("additionalProperties").isBoolean()
                    && !schema.path("additionalProperties").asBoolean();
            default -> false;
        };
    }
}
