package dev.mcpworkbench.lab.server;

import io.modelcontextprotocol.spec.McpSchema.Resource;
import java.util.function.Supplier;

/** A static resource and the text it reads as. */
public record LabResource(Resource resource, Supplier<String> text) {
}
