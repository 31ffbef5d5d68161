package dev.mcpworkbench.app.ui.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.inspector.payload.Payload;
import dev.mcpworkbench.inspector.payload.PayloadParser;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.dynamic.DynamicRuleRegistry;
import dev.mcpworkbench.inspector.rules.dynamic.ToolExchange;
import java.util.List;

/**
 * The dynamic rules' findings for one tool result: the same list the payload viewer pins on the
 * result's nodes and the Findings tab adds to the session's findings. Blocking: call off the FX thread.
 */
public final class ToolResultFindings {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ToolResultFindings() {
    }

    /** {@code definition} and {@code arguments} may be null (outputSchema and paging rules then stay quiet). */
    public static List<Finding> of(String tool, JsonNode definition, JsonNode arguments, Payload payload) {
        return DynamicRuleRegistry.standard().check(ToolExchange.ofResult(tool, definition, arguments, payload),
                RuleSettings.defaults());
    }

    /** Parses {@code result} first; a result too large or unparsable to check yields no findings. */
    public static List<Finding> of(String tool, JsonNode definition, JsonNode arguments, JsonNode result) throws Exception {
        Payload payload = PayloadParser.defaults().parse(MAPPER.writeValueAsBytes(result));
        return payload.parsed() ? of(tool, definition, arguments, payload) : List.of();
    }
}
