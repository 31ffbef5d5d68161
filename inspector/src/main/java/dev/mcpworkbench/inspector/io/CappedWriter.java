package dev.mcpworkbench.inspector.io;

import java.io.IOException;
import java.io.Writer;

/**
 * Keeps at most {@code maxChars} of what is written to it and stops the writer past them (an
 * IOException the caller catches): JSON written into it costs as much as its first {@code maxChars},
 * whatever the size of the node, where {@code toString()} would write a 100 MB result whole.
 */
public final class CappedWriter extends Writer {

    private final StringBuilder kept;
    private final int maxChars;
    private long written;
    private boolean over;

    /** Keeps what fits in {@code maxChars}; {@code keep} false only counts. */
    public CappedWriter(int maxChars, boolean keep) {
        this.maxChars = maxChars;
        this.kept = keep ? new StringBuilder(Math.min(maxChars, 1 << 16)) : null;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        long room = maxChars - written;
        if (kept != null) kept.append(buf, off, (int) Math.min(len, room));
        written += len;
        if (len > room) {
            over = true;
            throw new IOException("more than " + maxChars + " characters");
        }
    }

    /** Whether more than {@code maxChars} was written (the writing was stopped). */
    public boolean over() {
        return over;
    }

    /** What was kept: everything written, or its first {@code maxChars} when {@link #over}. */
    public String text() {
        return kept == null ? "" : kept.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
