package dev.mcpworkbench.inspector.connect;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines (ended by {@code \n}, {@code \r\n} or {@code \r}, as {@link java.io.BufferedReader#readLine}
 * does) from a server's byte stream without ever holding more than {@code limit} bytes of one line:
 * a line that never ends must not grow until memory runs out. Past the limit it either throws
 * {@link MessageTooLargeException} (a message cannot be used cut) or, for diagnostics such as
 * stderr, keeps the start, skips to the end of the line and marks the cut with "…".
 */
final class BoundedLineReader implements Closeable {

    private final InputStream in;
    private final long limit;
    private final boolean truncate;
    private final String what;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int end;
    private boolean skipLineFeed;
    /** Whether the line last read was cut at the limit. */
    private boolean lastCut;

    /** {@code what} names the unit in the error: "a line", "an event line". */
    BoundedLineReader(InputStream in, long limit, boolean truncate, String what) {
        this.in = in;
        this.limit = limit;
        this.truncate = truncate;
        this.what = what;
    }

    /** The next line without its terminator, or null at the end of the stream. */
    String readLine() throws IOException {
        byte[] line = readLineBytes();
        if (line == null) return null;
        String text = new String(line, StandardCharsets.UTF_8);
        return lastCut ? text + "…" : text;
    }

    /**
     * The next line's bytes without its terminator, or null at the end of the stream. The array is
     * the line's exact size and the caller's to keep: a 100 MB message is read into pieces and
     * copied once into it, not grown by doubling and decoded to a String.
     */
    byte[] readLineBytes() throws IOException {
        try (LineBytes line = readLinePieces()) {
            return line == null ? null : line.toArray();
        }
    }

    /**
     * The next line without its terminator, as the pieces it was read into, or null at the end of
     * the stream: the caller copies out the part it keeps, once (an event's data after "data:"),
     * and closes it (a long line's temporary file).
     */
    LineBytes readLinePieces() throws IOException {
        LineBytes line = new LineBytes();
        try {
            return readInto(line);
        } catch (IOException | RuntimeException e) {
            line.close();
            throw e;
        }
    }

    /** Reads the next line into {@code line}; returns it, or null at the end of the stream. */
    private LineBytes readInto(LineBytes line) throws IOException {
        boolean any = false;
        lastCut = false;
        while (true) {
            if (pos == end) {
                end = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? line : null;
                }
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int i = pos;
            while (i < end && buffer[i] != '\n' && buffer[i] != '\r') i++;
            any = true;
            lastCut |= append(line, i);
            if (i < end) {
                skipLineFeed = buffer[i] == '\r';
                pos = i + 1;
                return line;
            }
            pos = end;
        }
    }

    /** Appends buffer[pos, upTo) within the limit; returns true when something was dropped. */
    private boolean append(LineBytes line, int upTo) throws MessageTooLargeException {
        int length = upTo - pos;
        long room = limit - line.size();
        if (length <= room) {
            line.write(buffer, pos, length);
            return false;
        }
        if (!truncate) throw new MessageTooLargeException(what, limit);
        if (room > 0) line.write(buffer, pos, (int) room);
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
