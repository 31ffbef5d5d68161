package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;

/** Something the server told the workbench outside a request's answer. */
public sealed interface ConnectionEvent {

    /** {@code notifications/tools|resources|prompts/list_changed}: {@code list} is "tools", "resources" or "prompts". */
    record ListChanged(String list) implements ConnectionEvent {
    }

    /** {@code notifications/resources/updated} for a subscribed resource. */
    record ResourceUpdated(String uri) implements ConnectionEvent {
    }

    /** {@code notifications/message}: a log message (level as sent: debug, info, ..., emergency). */
    record LogMessage(String level, String logger, JsonNode data) implements ConnectionEvent {
    }

    /** {@code notifications/progress} for a request that asked for progress. */
    record Progress(JsonNode progressToken, double progress, Double total, String message) implements ConnectionEvent {
    }

    /** Any other notification, as received. */
    record Notification(String method, JsonNode params) implements ConnectionEvent {
    }

    /** A request from the server (sampling, elicitation, roots, ping) and what the workbench answered. */
    record ServerRequest(String method, JsonNode params, JsonNode answer) implements ConnectionEvent {
    }

    /** The connection ended; {@code reason} is null when the workbench closed it. */
    record Closed(McpConnectionException reason) implements ConnectionEvent {
    }
}
