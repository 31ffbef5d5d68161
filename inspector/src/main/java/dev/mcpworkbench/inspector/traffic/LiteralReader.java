package dev.mcpworkbench.inspector.traffic;

import java.io.Reader;

/**
 * Decodes the inside of a JSON string literal (UTF-8 with JSON escapes) piece by piece, so a long
 * text can be shown in part, counted or written out without ever being a String whole. The bytes
 * are those Jackson's parser already checked; anything malformed still decodes, to U+FFFD.
 */
final class LiteralReader extends Reader {

    private static final char REPLACEMENT = '\uFFFD';

    private final byte[] bytes;
    private final int to;
    private int at;
    /** The low half of a surrogate pair whose high half filled the caller's buffer. */
    private int pendingLow = -1;

    LiteralReader(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.at = from;
        this.to = to;
    }

    @Override
    public int read(char[] out, int off, int len) {
        if (len == 0) return 0;
        int n = off;
        int end = off + len;
        if (pendingLow >= 0) {
            out[n++] = (char) pendingLow;
            pendingLow = -1;
        }
        while (n < end && at < to) {
            int b = bytes[at];
            if (b >= 0 && b != '\\') {
                out[n++] = (char) b;
                at++;
                continue;
            }
            int cp = b == '\\' ? escape() : utf8();
            if (cp < 0x10000) {
                out[n++] = (char) cp;
            } else {
                out[n++] = Character.highSurrogate(cp);
                if (n < end) out[n++] = Character.lowSurrogate(cp);
                else pendingLow = Character.lowSurrogate(cp);
            }
        }
        return n == off ? -1 : n - off;
    }

    /** The escape at {@code at}; a {@code \\u} pair of surrogates becomes one code point, a lone one stays a char. */
    private int escape() {
        if (at + 1 >= to) {
            at = to;
            return REPLACEMENT;
        }
        byte kind = bytes[at + 1];
        at += 2;
        return switch (kind) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> kind & 0xFF;  // \" \\ \/
        };
    }

    private int unicodeEscape() {
        int unit = hex4(at);
        if (unit < 0) return REPLACEMENT;
        at += 4;
        if (Character.isHighSurrogate((char) unit) && at + 5 < to && bytes[at] == '\\' && bytes[at + 1] == 'u') {
            int low = hex4(at + 2);
            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                at += 6;
                return Character.toCodePoint((char) unit, (char) low);
            }
        }
        return unit;
    }

    private int hex4(int i) {
        if (i + 4 > to) return -1;
        int v = 0;
        for (int k = i; k < i + 4; k++) {
            int d = Character.digit(bytes[k], 16);
            if (d < 0) return -1;
            v = v << 4 | d;
        }
        return v;
    }

    /** The multi-byte UTF-8 sequence at {@code at}. */
    private int utf8() {
        int lead = bytes[at] & 0xFF;
        int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
        if (extra < 0) {
            at++;
            return REPLACEMENT;
        }
        int cp = lead & (0x3F >> extra);
        for (int k = 1; k <= extra; k++) {
            if (at + k >= to || (bytes[at + k] & 0xC0) != 0x80) {
                at += k;
                return REPLACEMENT;
            }
            cp = cp << 6 | bytes[at + k] & 0x3F;
        }
        at += extra + 1;
        return cp <= Character.MAX_CODE_POINT ? cp : REPLACEMENT;
    }

    /**
     * How many chars {@link #read} gives for the literal between {@code from} and {@code to}, counted
     * from the bytes without decoding: an escape is one char (a pair of {@code \\u} surrogates is two
     * escapes), a UTF-8 sequence is one char, two from a four-byte lead. Valid input, as Jackson's
     * parser checked it; a 100 MB text is counted in a few tens of milliseconds.
     */
    static int countChars(byte[] bytes, int from, int to) {
        long count = 0;
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b == '\\') {
                i += i + 1 < to && bytes[i + 1] == 'u' ? 6 : 2;
                count++;
            } else {
                if ((b & 0xC0) != 0x80) count += (b & 0xF8) == 0xF0 ? 2 : 1;
                i++;
            }
        }
        return (int) Math.min(count, Integer.MAX_VALUE);
    }

    @Override
    public void close() {
    }
}
