package dev.mcpworkbench.lab.server;

import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import java.util.function.Function;

/** A resource template and the text for a concrete URI that matches it. */
public record LabTemplate(ResourceTemplate template, Function<String, String> textForUri) {
}
