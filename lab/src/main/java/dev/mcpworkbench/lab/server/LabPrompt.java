package dev.mcpworkbench.lab.server;

import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import java.util.Map;
import java.util.function.Function;

/** A prompt and the messages it expands to for given arguments. */
public record LabPrompt(Prompt prompt, Function<Map<String, Object>, GetPromptResult> expand) {
}
