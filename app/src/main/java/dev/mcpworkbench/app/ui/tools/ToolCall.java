package dev.mcpworkbench.app.ui.tools;

import com.fasterxml.jackson.databind.JsonNode;

/** A tool called by hand that answered: what was called, with what, and the result as received. */
public record ToolCall(String tool, JsonNode definition, JsonNode arguments, JsonNode result) {
}
