package dev.mcpworkbench.inspector.connect;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads Server-Sent Events (WHATWG HTML, "server-sent events") from one stream, one event at a
 * time. It also keeps what a reconnection needs (SEP-1699): the last event id the server set and
 * its {@code retry} delay. Both survive {@link #follow(InputStream)}, which continues on the stream
 * of a resuming GET.
 */
public final class SseEventReader {

    /** One dispatched event; {@code id} is the last event id at the time it was dispatched (may be null). */
    public record Event(String type, String data, String id) {
    }

    private final long limit;
    private BoundedLineReader reader;
    private String lastEventId;
    private long retryMillis = -1;

    /** A reader with the default limit on one event ({@link ConnectOptions#DEFAULT_MAX_MESSAGE_BYTES}). */
    public SseEventReader(InputStream stream) {
        this(stream, ConnectOptions.DEFAULT_MAX_MESSAGE_BYTES);
    }

    /**
     * A reader that refuses, with {@link MessageTooLargeException}, any event whose data (or any
     * line) is longer than {@code limit} bytes: an endless event must not exhaust memory.
     */
    public SseEventReader(InputStream stream, long limit) {
        this.limit = limit;
        follow(stream);
    }

    /** Continues on another stream (a resumed one), keeping the last event id and the retry delay. */
    public void follow(InputStream stream) {
        this.reader = new BoundedLineReader(stream, limit, false, "an event line");
    }

    /** The id of the last event that set one, or null when the server sent none. */
    public String lastEventId() {
        return lastEventId;
    }

    /** The server's reconnection delay in milliseconds, or -1 when it sent none. */
    public long retryMillis() {
        return retryMillis;
    }

    /** The next event, or null at the end of the stream. */
    public Event next() throws IOException {
        String type = "message";
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) return new Event(type, data.toString(), lastEventId);
                type = "message";
                continue;
            }
            if (line.startsWith(":")) continue;
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) value = value.substring(1);
            switch (field) {
                case "event" -> type = value;
                case "data" -> {
                    if (data != null && (long) data.length() + value.length() + 1 > limit) {
                        throw new MessageTooLargeException("an event", limit);
                    }
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
                case "id" -> {
                    if (!value.contains("\0")) lastEventId = value;
                }
                case "retry" -> {
                    if (value.matches("\\d{1,9}")) retryMillis = Long.parseLong(value);
                }
                default -> { } // unknown fields are ignored, as the standard says
            }
        }
        return data == null ? null : new Event(type, data.toString(), lastEventId);
    }
}
