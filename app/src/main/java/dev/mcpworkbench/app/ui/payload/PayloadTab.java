package dev.mcpworkbench.app.ui.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Supplier;

/** Builds the "Payload" tab of a tool result: the viewer plus the dynamic rules' findings. */
public final class PayloadTab {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PayloadTab() {
    }

    /**
     * @param tool      the called tool's name
     * @param definition supplies the tool's definition (for outputSchema, paging parameters)
     * @param arguments supplies the arguments sent, or null
     */
    public static PayloadView forToolResult(String tool, Supplier<JsonNode> definition, Supplier<JsonNode> arguments, JsonNode result) {
        PayloadViewModel model = new PayloadViewModel();
        JsonNode def = definition.get();
        JsonNode args = arguments == null ? null : arguments.get();
        model.load(() -> MAPPER.writeValueAsBytes(result), payload -> ToolResultFindings.of(tool, def, args, payload));
        return new PayloadView(model);
    }

    /** A tool result whose parse and check are shared with the Findings tab's check. */
    public static PayloadView forAnalysis(ResultAnalysis analysis) {
        PayloadViewModel model = new PayloadViewModel();
        model.load(analysis);
        return new PayloadView(model);
    }

    /** A resource read or prompt get (no tool rules apply beyond the payload ones). */
    public static PayloadView forResult(String label, JsonNode result) {
        return forToolResult(label, () -> null, null, result);
    }
}
