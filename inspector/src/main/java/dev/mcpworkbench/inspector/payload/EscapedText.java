package dev.mcpworkbench.inspector.payload;

/**
 * Reads the content of a JSON string literal character by character as it lies in the message,
 * escapes and all: the JSON text a tool sends in a text block arrives escaped ({@code {\"id\":1}}),
 * and an index built over it in place ({@link JsonIndexBuilder}, {@link JsonIndex}) needs no
 * unescaped copy. A unit is one character as sent: a plain byte, a two-byte escape such as
 * {@code \"}, or a six-byte u-escape (a backslash, u, four hex digits). A valid literal holds no bare quote and no bare
 * backslash, so every backslash starts a unit.
 */
final class EscapedText {

    private EscapedText() {
    }

    /** The bytes the unit at {@code i} takes as sent. */
    static int width(byte[] d, int i, int limit) {
        if (d[i] != '\\' || i + 1 >= limit) return 1;
        return d[i + 1] == 'u' ? Math.min(6, limit - i) : 2;
    }

    /**
     * The character the unit at {@code i} stands for: its escape resolved, else the byte itself
     * (0x80-0xFF for the bytes of a UTF-8 sequence, which are never JSON syntax).
     */
    static int unit(byte[] d, int i, int limit) {
        int b = d[i] & 0xFF;
        if (b != '\\' || i + 1 >= limit) return b;
        return switch (d[i + 1]) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'u' -> i + 5 < limit ? hex4(d, i + 2) : -1;
            default -> d[i + 1] & 0xFF;
        };
    }

    /**
     * Where the string literal whose content starts at {@code from} closes: its closing quote's
     * unit, stepping over escaped characters (a backslash unit and the unit after it), or
     * {@code limit} when it does not close.
     */
    static int closingQuote(byte[] d, int from, int limit) {
        int i = from;
        while (i < limit) {
            int u = unit(d, i, limit);
            if (u == '"') return i;
            i += width(d, i, limit);
            if (u == '\\' && i < limit) i += width(d, i, limit);
        }
        return limit;
    }

    /**
     * Whether the byte at {@code p} starts a unit: not the second byte or a hex digit of an escape.
     * {@code from} must start a unit; the run of backslashes before {@code p} is counted back to it.
     */
    static boolean startsUnit(byte[] d, int from, int p) {
        if (afterEscapeBackslash(d, from, p)) return false;
        for (int back = 2; back <= 5 && p - back >= from; back++) {
            int q = p - back;
            if (d[q] == '\\' && d[q + 1] == 'u' && !afterEscapeBackslash(d, from, q)) return false;
        }
        return true;
    }

    /** Whether the byte at {@code p} follows a backslash that starts an escape (an odd run of backslashes). */
    private static boolean afterEscapeBackslash(byte[] d, int from, int p) {
        int run = 0;
        for (int q = p - 1; q >= from && d[q] == '\\'; q--) run++;
        return (run & 1) == 1;
    }

    /**
     * The nearest place at or before {@code p} where the content can be cut: the start of a unit
     * and of a character, and not between the two escapes of a surrogate pair. Pages cut at such places each decode
     * whole, and page after page they join into the whole text.
     */
    static int boundary(byte[] d, int from, int p) {
        // nor inside a UTF-8 sequence sent as it is (its continuation bytes are never escaped)
        while (p > from && (!startsUnit(d, from, p) || (d[p] & 0xC0) == 0x80)) p--;
        if (p - 6 >= from && p + 6 <= d.length && isSurrogateEscape(d, p - 6, true) && isSurrogateEscape(d, p, false)
                && startsUnit(d, from, p - 6)) {
            p -= 6;
        }
        return p;
    }

    private static boolean isSurrogateEscape(byte[] d, int at, boolean high) {
        if (d[at] != '\\' || d[at + 1] != 'u') return false;
        int v = hex4(d, at + 2);
        return v >= 0 && (high ? Character.isHighSurrogate((char) v) : Character.isLowSurrogate((char) v));
    }

    /** The value of the four hex digits at {@code at}, or -1 when one is not a hex digit. */
    static int hex4(byte[] d, int at) {
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int digit = Character.digit(d[at + k], 16);
            if (digit < 0) return -1;
            v = v << 4 | digit;
        }
        return v;
    }

    /**
     * The content's bytes {@code from..to} unescaped, read as a stream in chunks cut at
     * {@link #boundary}: Jackson parses the JSON text through it, and {@link JsonValueCount} counts
     * its values, without the whole text ever being unescaped at once.
     */
    static final class Stream extends java.io.InputStream {
        private static final int CHUNK = 64 * 1024;
        private final byte[] data;
        private final int to;
        private int next;
        /** Unescaping never lengthens: a chunk of escaped bytes fits in as many. */
        private final byte[] buffer = new byte[CHUNK + 12];
        private int pos;
        private int end;

        Stream(byte[] data, int from, int to) {
            this.data = data;
            this.to = to;
            this.next = from;
        }

        private boolean fill() {
            while (pos == end) {
                if (next >= to) return false;
                // the chunk's start is a character's: the cut is looked for from there, so that a long run
                // of backslashes is counted once per chunk, not from the text's start at every chunk
                int cut = next + CHUNK >= to ? to : boundary(data, next, next + CHUNK);
                if (cut <= next) cut = Math.min(to, next + CHUNK);
                end = JsonStrings.unescapeInto(data, next, cut, buffer);
                pos = 0;
                next = cut;
            }
            return true;
        }

        /** Nothing to release: the bytes are the message's. */
        @Override
        public void close() {
        }

        @Override
        public int read() {
            return fill() ? buffer[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) return 0;
            if (!fill()) return -1;
            int n = Math.min(len, end - pos);
            System.arraycopy(buffer, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
