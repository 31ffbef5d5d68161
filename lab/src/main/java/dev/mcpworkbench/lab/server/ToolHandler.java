package dev.mcpworkbench.lab.server;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/** The body of a lab tool, independent of the transport that carries the call. */
@FunctionalInterface
public interface ToolHandler {
    CallToolResult call(Map<String, Object> arguments, Caller caller);
}
