package dev.mcpworkbench.inspector.payload;

import java.nio.charset.StandardCharsets;

/**
 * Decodes JSON string literals straight from the raw bytes, so the index never has to keep a
 * decoded copy of every key and value. Input is assumed to be a string the streaming parser has
 * already validated.
 */
final class JsonStrings {

    private JsonStrings() {
    }

    /** Decodes the literal whose opening quote is at {@code quote}, up to {@code maxChars} chars. */
    static String decode(byte[] data, int quote, int limit, int maxChars) {
        int i = quote + 1;
        int runStart = i;
        while (i < limit && data[i] != '"' && data[i] != '\\') i++;
        if (i < limit && data[i] == '"' && i - runStart <= maxChars) {
            return new String(data, runStart, i - runStart, StandardCharsets.UTF_8);
        }
        if (maxChars == Integer.MAX_VALUE) {
            String whole = decodeWhole(data, quote + 1, limit);
            if (whole != null) return whole;
        }
        return decodeWithEscapes(data, quote + 1, limit, maxChars);
    }

    private static String decodeWithEscapes(byte[] data, int from, int limit, int maxChars) {
        StringBuilder out = new StringBuilder();
        int i = from;
        int runStart = i;
        while (i < limit && out.length() <= maxChars) {
            byte b = data[i];
            if (b == '"') break;
            if (b != '\\') {
                i++;
                continue;
            }
            appendRun(data, runStart, i, out, maxChars);
            i = appendEscape(data, i + 1, limit, out);
            runStart = i;
        }
        if (out.length() <= maxChars) appendRun(data, runStart, i, out, maxChars);
        return out.length() > maxChars ? out.substring(0, maxChars) : out.toString();
    }

    /**
     * Appends the UTF-8 run [from, to), but no more of it than the first {@code maxChars} need: a
     * head of a 100 MB literal without escapes must not decode all of it. A run never splits a
     * character (escapes are ASCII); the clamp may, past the characters needed (4 bytes at most
     * per char, plus one partial sequence), and the caller cuts there.
     */
    private static void appendRun(byte[] data, int from, int to, StringBuilder out, int maxChars) {
        long needed = (long) maxChars + 1 - out.length();
        int end = (int) Math.min(to, from + needed * 4 + 4);
        out.append(new String(data, from, end - from, StandardCharsets.UTF_8));
    }

    private static int appendEscape(byte[] data, int i, int limit, StringBuilder out) {
        if (i >= limit) return i;
        char c = (char) data[i];
        switch (c) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'u' -> {
                if (i + 4 < limit) {
                    out.append((char) Integer.parseInt(new String(data, i + 1, 4, StandardCharsets.US_ASCII), 16));
                    return i + 5;
                }
                return limit;
            }
            default -> out.append(c);
        }
        return i + 1;
    }

    /**
     * The UTF-8 bytes of the string literal opening at {@code quote}, escapes resolved, without
     * building a String: a JSON text block of 100 MB is unescaped in one pass into one array.
     * A lone surrogate escape (no UTF-8 form) becomes '?', as String.getBytes writes it.
     */
    static byte[] unescapeToUtf8(byte[] data, int quote, int limit) {
        // counted first, then written into an array of that size: an array of the escaped size cut
        // down by a copy allocated a 100 MB JSON text block's size twice, both alive at the copy
        byte[] out = new byte[unescape(data, quote + 1, limit, null, false)];
        unescape(data, quote + 1, limit, out, false);
        return out;
    }

    /**
     * Unescapes bytes {@code from..to} of a literal's content (no quotes) into {@code out}, which
     * must hold {@code to - from} bytes (unescaping never lengthens); returns the bytes written.
     * The range must not split an escape ({@link EscapedText#boundary}).
     */
    static int unescapeInto(byte[] data, int from, int to, byte[] out) {
        return unescape(data, from, to, out, false);
    }

    /** Bytes {@code from..to} of a literal's content unescaped, in an array of their size. */
    static byte[] unescapeRange(byte[] data, int from, int to) {
        byte[] out = new byte[unescape(data, from, to, null, false)];
        unescape(data, from, to, out, false);
        return out;
    }

    /**
     * A whole literal with escapes, decoded through one array of its escaped size (unescaping never
     * lengthens UTF-8). Appending run by run to a StringBuilder made a String per run and grew the
     * builder by doubling: decoding a 100 MB text block full of {@code \"} allocated several times
     * its size, and the dynamic rules decode every string of a result. Null when the literal holds
     * a lone surrogate escape, which has no UTF-8 form (the caller then decodes it char by char).
     */
    private static String decodeWhole(byte[] data, int from, int limit) {
        byte[] out = new byte[Math.max(0, limit - from)];
        int n = unescape(data, from, limit, out, true);
        return n < 0 ? null : new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * Unescapes the literal's content starting at {@code from} into {@code out}; returns the bytes
     * written, or -1 at a lone surrogate escape when {@code refuseLoneSurrogate} (else writes '?').
     * With {@code out} null it only counts them.
     */
    private static int unescape(byte[] data, int from, int limit, byte[] out, boolean refuseLoneSurrogate) {
        int i = from;
        int n = 0;
        int runStart = i;
        while (i < limit) {
            byte b = data[i];
            if (b == '"') break;
            if (b != '\\') {
                i++;
                continue;
            }
            if (out != null) System.arraycopy(data, runStart, out, n, i - runStart);
            n += i - runStart;
            i++;
            if (i >= limit) {
                runStart = i;
                break;
            }
            byte c = data[i];
            switch (c) {
                case 'u' -> {
                    if (i + 4 >= limit) return n;
                    int cp = hex4(data, i + 1);
                    int next = i + 5;
                    if (Character.isHighSurrogate((char) cp) && next + 5 < limit && data[next] == '\\' && data[next + 1] == 'u') {
                        int low = hex4(data, next + 2);
                        if (Character.isLowSurrogate((char) low)) {
                            cp = Character.toCodePoint((char) cp, (char) low);
                            next += 6;
                        }
                    }
                    if (Character.isSurrogate((char) cp) && cp < 0x10000) {
                        if (refuseLoneSurrogate) return -1;
                        if (out != null) out[n] = '?';
                        n++;
                    } else {
                        n = out != null ? writeUtf8(cp, out, n) : n + utf8Length(cp);
                    }
                    i = next;
                    runStart = i;
                    continue;
                }
                default -> {
                    if (out != null) out[n] = switch (c) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        default -> c;
                    };
                    n++;
                }
            }
            i++;
            runStart = i;
        }
        int run = Math.max(0, Math.min(i, limit) - runStart);
        if (out != null) System.arraycopy(data, runStart, out, n, run);
        return n + run;
    }

    /** The bytes {@link #writeUtf8} writes for {@code cp}. */
    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    private static int hex4(byte[] data, int at) {
        int v = 0;
        for (int k = 0; k < 4; k++) v = v * 16 + Character.digit((char) data[at + k], 16);
        return v;
    }

    private static int writeUtf8(int cp, byte[] out, int n) {
        if (cp < 0x80) {
            out[n++] = (byte) cp;
        } else if (cp < 0x800) {
            out[n++] = (byte) (0xC0 | cp >> 6);
            out[n++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            out[n++] = (byte) (0xE0 | cp >> 12);
            out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[n++] = (byte) (0x80 | cp & 0x3F);
        } else {
            out[n++] = (byte) (0xF0 | cp >> 18);
            out[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
            out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[n++] = (byte) (0x80 | cp & 0x3F);
        }
        return n;
    }

    /** Quotes a string as a JSON literal, for copying values. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
