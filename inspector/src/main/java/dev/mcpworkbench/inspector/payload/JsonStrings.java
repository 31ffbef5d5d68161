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
            out.append(new String(data, runStart, i - runStart, StandardCharsets.UTF_8));
            i = appendEscape(data, i + 1, limit, out);
            runStart = i;
        }
        if (out.length() <= maxChars) out.append(new String(data, runStart, i - runStart, StandardCharsets.UTF_8));
        return out.length() > maxChars ? out.substring(0, maxChars) : out.toString();
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
     */
    static byte[] unescapeToUtf8(byte[] data, int quote, int limit) {
        int i = quote + 1;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(Math.max(16, limit - i));
        int runStart = i;
        while (i < limit) {
            byte b = data[i];
            if (b == '"') break;
            if (b != '\\') {
                i++;
                continue;
            }
            out.write(data, runStart, i - runStart);
            i = writeEscape(data, i + 1, limit, out);
            runStart = i;
        }
        out.write(data, runStart, Math.max(0, Math.min(i, limit) - runStart));
        return out.toByteArray();
    }

    private static int writeEscape(byte[] data, int i, int limit, java.io.ByteArrayOutputStream out) {
        if (i >= limit) return i;
        byte c = data[i];
        switch (c) {
            case 'n' -> out.write('\n');
            case 't' -> out.write('\t');
            case 'r' -> out.write('\r');
            case 'b' -> out.write('\b');
            case 'f' -> out.write('\f');
            case 'u' -> {
                if (i + 4 >= limit) return limit;
                int cp = Integer.parseInt(new String(data, i + 1, 4, StandardCharsets.US_ASCII), 16);
                int next = i + 5;
                if (Character.isHighSurrogate((char) cp) && next + 5 < limit && data[next] == '\\' && data[next + 1] == 'u') {
                    int low = Integer.parseInt(new String(data, next + 2, 4, StandardCharsets.US_ASCII), 16);
                    if (Character.isLowSurrogate((char) low)) {
                        cp = Character.toCodePoint((char) cp, (char) low);
                        next += 6;
                    }
                }
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                return next;
            }
            default -> out.write(c);
        }
        return i + 1;
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
