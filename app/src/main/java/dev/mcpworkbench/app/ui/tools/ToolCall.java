package dev.mcpworkbench.app.ui.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.app.ui.payload.ResultAnalysis;

/**
 * A tool called by hand that answered: what was called, with what, and the result as received;
 * {@code analysis} is the result's one parse and check, shared with its Payload tab.
 */
public record ToolCall(String tool, JsonNode definition, JsonNode arguments, JsonNode result, ResultAnalysis analysis) {
}
