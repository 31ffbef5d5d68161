package dev.mcpworkbench.inspector.traffic;

/** What a {@link TrafficEntry} holds. */
public enum EntryKind {
    /** A JSON-RPC request (has a method and an id). */
    REQUEST,
    /** A JSON-RPC notification (a method, no id). */
    NOTIFICATION,
    /** A JSON-RPC result response. */
    RESPONSE,
    /** A JSON-RPC error response. */
    ERROR,
    /** Text received where a JSON-RPC message was expected (not JSON, or not a JSON-RPC object). */
    INVALID,
    /** A line the stdio server wrote to stderr. */
    STDERR,
    /** An HTTP exchange's status line and headers (the body, if JSON-RPC, is in its own entries). */
    HTTP,
    /** Something the workbench did to the connection: process started or exited, stream opened or closed. */
    LIFECYCLE
}
