package dev.mcpworkbench.inspector.connect;

/**
 * A connection-level failure with a one-line message fit to show a user as is
 * ({@link #getMessage()}): no stack trace needed to understand it.
 */
public class McpConnectionException extends Exception {

    /** What went wrong, for code that reacts differently (retry, re-authorize, show a hint). */
    public enum Kind {
        /** The stdio command does not exist or cannot be executed. */
        COMMAND_NOT_FOUND,
        /** The server process exited (at once, or later). */
        PROCESS_EXITED,
        /** The other side answered, but not as an MCP server (HTML page, non-JSON output, wrong protocol). */
        NOT_MCP,
        /** No answer within the timeout. */
        TIMEOUT,
        /** The connection closed while a request was open. */
        CLOSED,
        /** The server could not be reached (connection refused, DNS, TLS). */
        UNREACHABLE,
        /** HTTP 401/403 that the authorization hook did not resolve. */
        UNAUTHORIZED,
        /** An HTTP error status other than 401/403. */
        HTTP_ERROR,
        /** The request was cancelled by the user. */
        CANCELLED,
        /** The server broke the protocol in some other way. */
        PROTOCOL
    }

    private final Kind kind;

    public McpConnectionException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public McpConnectionException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
