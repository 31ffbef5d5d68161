package dev.mcpworkbench.lab.server;

import com.sun.net.httpserver.HttpExchange;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import java.io.IOException;
import java.util.Optional;

/**
 * Decides whether an HTTP request may reach the MCP server. A protected server plugs in a guard
 * that checks the bearer token; an open server lets everyone in as {@link Caller#LOCAL}.
 */
@FunctionalInterface
public interface RequestGuard {

    RequestGuard OPEN = (exchange, message) -> Optional.of(Caller.LOCAL);

    /**
     * @param message the parsed JSON-RPC message, or null for a request without a body (GET)
     * @return the admitted caller, or empty after the guard has written the rejection response
     */
    Optional<Caller> admit(HttpExchange exchange, JSONRPCMessage message) throws IOException;
}
