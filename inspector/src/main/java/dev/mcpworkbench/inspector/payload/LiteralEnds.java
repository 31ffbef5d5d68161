package dev.mcpworkbench.inspector.payload;

/**
 * Where a scalar's literal ends, read from its first byte: a string at its closing quote, a number
 * at the first byte that cannot continue it, {@code true}, {@code false} and {@code null} after
 * their letters. The index builder finds each end here while it parses, and the index finds it
 * again here when asked, instead of keeping a length per value: the same scan over the same bytes
 * (validated by the parse) gives the same end. Positions are absolute in {@code data}; in an
 * embedded document ({@link EscapedText}) every step is over a character as sent.
 */
final class LiteralEnds {

    private LiteralEnds() {
    }

    /** The first byte after the literal of a scalar of type {@code type} (a {@link NodeType} ordinal) starting at {@code at}. */
    static int leafEnd(byte[] data, int at, int limit, boolean embedded, int type) {
        if (type == NodeType.STRING.ordinal()) return after(data, closingQuote(data, at, limit, embedded), limit, embedded);
        if (type == NodeType.NUMBER.ordinal()) return numberEnd(data, at, limit, embedded);
        if (type == NodeType.NULL.ordinal()) return afterChars(data, at, limit, embedded, 4);
        int first = embedded ? EscapedText.unit(data, at, limit) : data[at];
        return afterChars(data, at, limit, embedded, first == 't' ? 4 : 5);
    }

    /** Offset of the quote closing the string literal that opens at {@code quote}. */
    static int closingQuote(byte[] data, int quote, int limit, boolean embedded) {
        if (embedded) return Math.min(limit - 1, EscapedText.closingQuote(data, after(data, quote, limit, true), limit));
        int i = quote + 1;
        while (i < limit) {
            byte b = data[i];
            if (b == '"') return i;
            i += b == '\\' ? 2 : 1;
        }
        return limit - 1;
    }

    /** The first byte after the character at {@code i}: the next one, or past the escape an embedded document has there. */
    static int after(byte[] data, int i, int limit, boolean embedded) {
        return embedded ? i + EscapedText.width(data, i, limit) : i + 1;
    }

    /** End of the number literal starting at {@code from}. */
    static int numberEnd(byte[] data, int from, int limit, boolean embedded) {
        int i = from;
        if (embedded) {
            while (i < limit) {
                int u = EscapedText.unit(data, i, limit);
                if ((u < '0' || u > '9') && u != '-' && u != '+' && u != '.' && u != 'e' && u != 'E') break;
                i += EscapedText.width(data, i, limit);
            }
            return i;
        }
        while (i < limit) {
            byte b = data[i];
            if ((b < '0' || b > '9') && b != '-' && b != '+' && b != '.' && b != 'e' && b != 'E') break;
            i++;
        }
        return i;
    }

    /** The first byte after the {@code n} characters from {@code at} (a literal such as {@code true}). */
    static int afterChars(byte[] data, int at, int limit, boolean embedded, int n) {
        int i = at;
        for (int k = 0; k < n; k++) i = after(data, i, limit, embedded);
        return i;
    }
}
