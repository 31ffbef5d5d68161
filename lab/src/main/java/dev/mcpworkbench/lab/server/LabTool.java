package dev.mcpworkbench.lab.server;

import io.modelcontextprotocol.spec.McpSchema.Tool;

/**
 * A tool definition with its handler. {@code requiredScope} is the OAuth scope a protected HTTP
 * server demands before it runs the tool (403 insufficient_scope otherwise); null for none.
 */
public record LabTool(Tool tool, ToolHandler handler, String requiredScope) {

    public LabTool(Tool tool, ToolHandler handler) {
        this(tool, handler, null);
    }

    public String name() {
        return tool.name();
    }
}
