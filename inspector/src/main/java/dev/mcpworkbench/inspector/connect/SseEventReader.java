package dev.mcpworkbench.inspector.connect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads Server-Sent Events (WHATWG HTML, "server-sent events") from one stream, one event at a
 * time. It also keeps what a reconnection needs (SEP-1699): the last event id the server set and
 * its {@code retry} delay. Both survive {@link #follow(InputStream)}, which continues on the stream
 * of a resuming GET.
 */
public final class SseEventReader {

    /**
     * One dispatched event; {@code id} is the last event id at the time it was dispatched (may be
     * null). Its data is kept as the bytes the server sent: a 100 MB message decoded into a String,
     * cut from its line, gathered in a builder and encoded back cost five copies of it.
     */
    public record Event(String type, byte[] bytes, String id) {

        /** The data as text. */
        public String data() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** Whether the data is empty or only whitespace (a keep-alive), checked without decoding it. */
        public boolean isBlank() {
            for (byte b : bytes) if (b != ' ' && b != '\t' && b != '\n' && b != '\r') return false;
            return true;
        }
    }

    /** Field names are short; a longer run before the colon is no field this reader knows. */
    private static final int LONGEST_FIELD = 16;

    private final long limit;
    private BoundedLineReader reader;
    private String lastEventId;
    private long retryMillis = -1;
    /** Whether the next line is a stream's first, which may open with a byte order mark to be ignored. */
    private boolean streamStart;

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
        this.streamStart = true;
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
        EventData data = null;
        LineBytes line;
        while ((line = reader.readLinePieces()) != null) {
            // a long line keeps part of itself in a temporary file until it is closed
            try {
                if (streamStart) {
                    streamStart = false;
                    if (line.size() >= 3 && line.at(0) == (byte) 0xEF && line.at(1) == (byte) 0xBB && line.at(2) == (byte) 0xBF) line.dropFirst(3);
                }
                if (line.size() == 0) {
                    if (data != null) return new Event(type, data.toArray(), lastEventId);
                    type = "message";
                    continue;
                }
                if (line.at(0) == ':') continue;
                int colon = line.indexOf((byte) ':', LONGEST_FIELD + 1);
                String field = colon >= 0 ? line.head(colon) : line.size() <= LONGEST_FIELD ? line.head((int) line.size()) : "";
                int valueStart = colon < 0 ? (int) line.size() : colon + 1;
                if (valueStart < line.size() && line.at(valueStart) == ' ') valueStart++;
                switch (field) {
                    case "event" -> type = text(line, valueStart);
                    case "data" -> {
                        if (data == null) data = new EventData();
                        data.add(line.toArray(valueStart), limit);
                    }
                    case "id" -> {
                        String value = text(line, valueStart);
                        if (!value.contains("\0")) lastEventId = value;
                    }
                    case "retry" -> {
                        String value = text(line, valueStart);
                        if (value.matches("\\d{1,9}")) retryMillis = Long.parseLong(value);
                    }
                    default -> { } // unknown fields are ignored, as the standard says
                }
            } finally {
                line.close();
            }
        }
        return data == null ? null : new Event(type, data.toArray(), lastEventId);
    }

    private static String text(LineBytes line, int from) {
        return new String(line.toArray(from), StandardCharsets.UTF_8);
    }

    /**
     * An event's data lines joined with line feeds. A single line (a whole JSON-RPC message, the
     * usual case) is kept as it was read, without a copy; more lines go into a stream whose buffer
     * doubles. Joined by a fresh copy at each line, an event of many short lines (pretty-printed
     * JSON, or a hostile server's bare "data" lines) took time growing with the square of its size.
     */
    private static final class EventData {
        private byte[] first;
        private java.io.ByteArrayOutputStream joined;

        void add(byte[] line, long limit) throws MessageTooLargeException {
            if (first == null && joined == null) {
                first = line;
                return;
            }
            if (joined == null) {
                joined = new java.io.ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, first.length * 2L + 64));
                joined.writeBytes(first);
                first = null;
            }
            if ((long) joined.size() + 1 + line.length > limit) throw new MessageTooLargeException("an event", limit);
            joined.write('\n');
            joined.writeBytes(line);
        }

        byte[] toArray() {
            return joined == null ? first : joined.toByteArray();
        }
    }
}
