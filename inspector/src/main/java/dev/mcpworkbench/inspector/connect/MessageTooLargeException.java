package dev.mcpworkbench.inspector.connect;

import java.io.IOException;

/** An incoming message (stdio line, HTTP body, SSE event) went past {@link ConnectOptions#maxMessageBytes()}. */
public final class MessageTooLargeException extends IOException {

    private final long limit;

    public MessageTooLargeException(String what, long limit) {
        super("The server sent " + what + " larger than " + human(limit) + ", the limit on one message "
                + "(maxMessageBytes, --max-message-size); it was not read further");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** 256 MiB, 64 KiB, 100 bytes. */
    public static String human(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) return (bytes >> 30) + " GiB";
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) return (bytes >> 20) + " MiB";
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) return (bytes >> 10) + " KiB";
        return bytes + " bytes";
    }

    McpConnectionException toConnectionException() {
        return new McpConnectionException(McpConnectionException.Kind.PROTOCOL, getMessage(), this);
    }
}
