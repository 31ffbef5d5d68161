package dev.mcpworkbench.inspector.payload;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One string value of an index at a time, as a reusable {@link CharSequence}, for code that reads
 * every string of a big document (the dynamic rules' regexes): decoding each into a new String
 * allocated about 470 MB per 100 MB result of small objects. A value of plain ASCII without escapes
 * (by far the common case) is read straight from the document's bytes; any other value is decoded
 * into a char buffer the view keeps. The content is valid until the next {@link #read}: whoever
 * keeps text copies it ({@link #toString()}, {@link #subSequence}, both give Strings).
 *
 * <p>The characters are exactly those of {@link JsonIndex#stringValue} (or its head): well-formed
 * UTF-8 and JSON escapes are decoded here, and a value with anything else in it (malformed UTF-8,
 * a broken escape) is decoded by {@link JsonStrings} as before and copied in.
 */
public final class JsonStringView implements CharSequence {

    /** The document's bytes when the value is read in place, else null (the value is in {@link #chars}). */
    private byte[] ascii;
    private int offset;
    private char[] chars = new char[64];
    private int length;

    /**
     * Points the view at the value of STRING node {@code node}, at most its first {@code maxChars}
     * characters. Returns true when the value is longer than that (the view then holds its head).
     */
    public boolean read(JsonIndex tree, int node, int maxChars) {
        if (maxChars < 0 || maxChars > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("maxChars " + maxChars);
        // in place; an embedded document's value is unescaped first, as much of it as the head needs
        JsonIndex.Literal literal = tree.literal(node, maxChars);
        byte[] data = literal.bytes();
        int quote = literal.from();
        int limit = literal.to();
        int from = quote + 1;
        int i = from;
        while (i < limit) {
            byte b = data[i];
            if (b == '"' || b == '\\' || b < 0) break;
            i++;
        }
        // the closing quote, or the limit of a literal read in place inside an escaped JSON text
        if (i == limit || data[i] == '"') {
            ascii = data;
            offset = from;
            length = Math.min(i - from, maxChars);
            return i - from > maxChars;
        }
        ascii = null;
        int decoded = decode(data, from, limit, maxChars);
        if (decoded < 0) return copyOf(data, quote, limit, maxChars);
        length = Math.min(decoded, maxChars);
        return decoded > maxChars;
    }

    /**
     * Decodes the literal's content into {@link #chars}, stopping once {@code maxChars + 1} are
     * decoded; returns how many were, or -1 at anything but well-formed UTF-8 and valid escapes.
     */
    private int decode(byte[] d, int from, int limit, int maxChars) {
        int cap = maxChars + 1;
        // a byte gives at most one char (a 4-byte sequence two), an escape fewer; +1 for a pair at the cap
        ensureCapacity((int) Math.min((long) cap + 1, limit - from));
        char[] out = chars;
        int n = 0;
        int i = from;
        while (i < limit && n < cap) {
            int b = d[i];
            if (b == '"') return n;
            if (b >= 0 && b != '\\') {
                out[n++] = (char) b;
                i++;
            } else if (b == '\\') {
                if (i + 1 >= limit) return -1;
                int c = d[i + 1];
                if (c == 'u') {
                    if (i + 5 >= limit) return -1;
                    int v = EscapedText.hex4(d, i + 2);
                    if (v < 0) return -1;
                    out[n++] = (char) v;
                    i += 6;
                    continue;
                }
                if (c < 0) return -1;
                out[n++] = switch (c) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> (char) c;
                };
                i += 2;
            } else {
                int cp = codePoint(d, i, limit);
                if (cp < 0) return -1;
                i += cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (cp < 0x10000) {
                    out[n++] = (char) cp;
                } else {
                    out[n++] = Character.highSurrogate(cp);
                    out[n++] = Character.lowSurrogate(cp);
                }
            }
        }
        return n;
    }

    /** The code point of the well-formed UTF-8 sequence at {@code i} (Unicode table 3-7), or -1. */
    private static int codePoint(byte[] d, int i, int limit) {
        int b0 = d[i] & 0xFF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            if (i + 1 >= limit || !continuation(d[i + 1])) return -1;
            return (b0 & 0x1F) << 6 | d[i + 1] & 0x3F;
        }
        if (b0 >= 0xE0 && b0 <= 0xEF) {
            if (i + 2 >= limit || !continuation(d[i + 1]) || !continuation(d[i + 2])) return -1;
            int cp = (b0 & 0x0F) << 12 | (d[i + 1] & 0x3F) << 6 | d[i + 2] & 0x3F;
            // overlong forms and encoded surrogates are malformed
            return cp < 0x800 || Character.isSurrogate((char) cp) ? -1 : cp;
        }
        if (b0 >= 0xF0 && b0 <= 0xF4) {
            if (i + 3 >= limit || !continuation(d[i + 1]) || !continuation(d[i + 2]) || !continuation(d[i + 3])) return -1;
            int cp = (b0 & 0x07) << 18 | (d[i + 1] & 0x3F) << 12 | (d[i + 2] & 0x3F) << 6 | d[i + 3] & 0x3F;
            return cp < 0x10000 || cp > Character.MAX_CODE_POINT ? -1 : cp;
        }
        return -1;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** The rare value this view does not decode itself: decoded by {@link JsonStrings}, then copied in. */
    private boolean copyOf(byte[] data, int quote, int limit, int maxChars) {
        // the same call the walk made before this view: the whole value when its literal is no longer
        // than the head, else the head and one more char to tell whether there is more
        String s = JsonStrings.decode(data, quote, limit, limit - quote <= maxChars ? Integer.MAX_VALUE : maxChars + 1);
        length = Math.min(s.length(), maxChars);
        ensureCapacity(length);
        s.getChars(0, length, chars, 0);
        return s.length() > maxChars;
    }

    private void ensureCapacity(int n) {
        if (chars.length < n) chars = new char[Math.max(n, (int) Math.min(Integer.MAX_VALUE - 16, chars.length * 2L))];
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        Objects.checkIndex(index, length);
        return ascii != null ? (char) ascii[offset + index] : chars[index];
    }

    /** A copy of the range, as a String: it outlives the next {@link #read}. */
    @Override
    public String subSequence(int start, int end) {
        Objects.checkFromToIndex(start, end, length);
        return ascii != null ? new String(ascii, offset + start, end - start, StandardCharsets.ISO_8859_1)
                : new String(chars, start, end - start);
    }

    /** A copy of the value read, as a String. */
    @Override
    public String toString() {
        return subSequence(0, length);
    }
}
