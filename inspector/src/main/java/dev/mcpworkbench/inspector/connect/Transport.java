package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Moves JSON-RPC messages between the workbench and one server, recording each into the
 * connection's traffic log exactly as sent and received.
 */
interface Transport {

    /** Opens the channel (starts the process, opens the SSE stream); returns once messages can be sent. */
    void start(MessageSink sink) throws McpConnectionException;

    /** Sends one message; failures are reported through {@link MessageSink#onSendFailed}. */
    void send(JsonNode message);

    /**
     * Sends one message with extra HTTP headers for it (a tool's declared {@code Mcp-Param-*}
     * headers); transports without headers ignore them.
     */
    default void send(JsonNode message, java.util.Map<String, String> headers) {
        send(message);
    }

    /** Called once initialize succeeded, with the negotiated protocol version. */
    default void afterInitialize(String protocolVersion) {
    }

    /** Extra words for an error message when the server never answered (e.g. what it printed instead). */
    default String diagnosis() {
        return "";
    }

    /** Closes the channel and releases everything (kills the process tree, ends the HTTP session). */
    void close();

    /** Where a transport delivers what it receives. */
    interface MessageSink {
        void onMessage(JsonNode message);

        /**
         * The message with the bytes it arrived as (the array the traffic log keeps, shared: never
         * modified), so that a result can be read from them rather than serialized again.
         */
        default void onMessage(JsonNode message, byte[] utf8) {
            onMessage(message);
        }

        void onSendFailed(JsonNode message, McpConnectionException error);

        void onClosed(McpConnectionException reason);
    }
}
