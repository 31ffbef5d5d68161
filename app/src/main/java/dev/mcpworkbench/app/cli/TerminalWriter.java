package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.inspector.traffic.SecretMasker;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer in front of the terminal that shows every unsafe character ({@link TerminalText}) and,
 * for stderr, masks secrets line by line (a server's stderr or list error can hold a database URL
 * or a token). {@code \r} is held until the next character says whether it ends a line.
 */
final class TerminalWriter extends Writer {

    private final Writer target;
    private final boolean mask;
    private final StringBuilder line = new StringBuilder();
    private boolean pendingCr;

    TerminalWriter(Writer target, boolean mask) {
        this.target = target;
        this.mask = mask;
    }

    private static final int CHUNK = 8192;
    private final char[] chunk = new char[CHUNK];

    /** In chunks: a report of hundreds of megabytes is not copied whole (Writer's default copies the string). */
    @Override
    public synchronized void write(String text, int off, int len) throws IOException {
        for (int start = off; start < off + len; start += CHUNK) {
            int n = Math.min(CHUNK, off + len - start);
            text.getChars(start, start + n, chunk, 0);
            write(chunk, 0, n);
        }
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) throws IOException {
        if (!mask) {
            for (int start = off; start < off + len; start += CHUNK) {
                target.write(escape(buf, start, Math.min(CHUNK, off + len - start)));
            }
            return;
        }
        for (int i = off; i < off + len; i++) {
            line.append(buf[i]);
            if (buf[i] == '\n') emitLine();
        }
    }

    private void emitLine() throws IOException {
        String text = SecretMasker.MASKING.text(line.toString());
        line.setLength(0);
        target.write(escape(text.toCharArray(), 0, text.length()));
    }

    private String escape(char[] buf, int off, int len) {
        StringBuilder out = new StringBuilder(len + 16);
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (pendingCr) {
                pendingCr = false;
                if (c == '\n') {
                    out.append("\r\n");
                    continue;
                }
                out.append(TerminalText.shown('\r'));
            }
            if (c == '\r') pendingCr = true;
            else if (TerminalText.unsafe(c)) out.append(TerminalText.shown(c));
            else out.append(c);
        }
        return out.toString();
    }

    @Override
    public synchronized void flush() throws IOException {
        if (mask && !line.isEmpty()) emitLine();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        if (pendingCr) target.write(TerminalText.shown('\r'));
        pendingCr = false;
        target.flush();
    }
}
