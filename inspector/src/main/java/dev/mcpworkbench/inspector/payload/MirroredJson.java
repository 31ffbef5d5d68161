package dev.mcpworkbench.inspector.payload;

/**
 * Whether a JSON text block says exactly what the result's structuredContent says: the spec asks a
 * tool with structured output to send it serialized in a text block too, so a big structured
 * result arrives twice. Read as one, its JSON is indexed and checked once (at structuredContent):
 * both indexes of a 100 MB structured result were some 100 MB alive beside the message, and every
 * finding in it came twice.
 *
 * <p>The test is strict, because the rules then skip the text: the same values in the same order,
 * every string and number spelled alike. Only whitespace between tokens may differ (a text is often
 * pretty-printed). A text that differs in anything else, say a character written as a u-escape on
 * one side, is not a mirror and is indexed and checked on its own, as any JSON text.
 */
final class MirroredJson {

    private MirroredJson() {
    }

    /**
     * @param data       the message's bytes
     * @param textFrom   where the text block's string content starts (after its opening quote); its
     *                   characters are read as the literal spells them ({@link EscapedText})
     * @param textTo     its closing quote
     * @param jsonFrom   where structuredContent's value starts, as plain JSON in {@code data}
     * @param jsonTo     just past its end
     */
    static boolean mirrors(byte[] data, int textFrom, int textTo, int jsonFrom, int jsonTo) {
        int t = textFrom;
        int j = jsonFrom;
        boolean inString = false;
        int previous = -1; // the last character compared outside strings
        while (j < jsonTo) {
            if (!inString) {
                int skippedAt = t;
                t = skipBlanks(data, t, textTo);
                // blanks between two characters of one literal would split it: "tru e" is not "true"
                if (t != skippedAt && isLiteral(previous) && t < textTo && isLiteral(EscapedText.unit(data, t, textTo))) return false;
                j = skipPlainBlanks(data, j, jsonTo);
                if (j >= jsonTo) break;
            }
            if (t >= textTo) return false;
            int c = textUnit(data, t, textTo);
            if (c < 0 || c != (data[j] & 0xFF)) return false;
            t += EscapedText.width(data, t, textTo);
            j++;
            if (inString) {
                if (c == '\\') {
                    // the escaped character is compared as it is, and never closes the string
                    if (t >= textTo || j >= jsonTo) return false;
                    int e = textUnit(data, t, textTo);
                    if (e < 0 || e != (data[j] & 0xFF)) return false;
                    t += EscapedText.width(data, t, textTo);
                    j++;
                } else if (c == '"') {
                    inString = false;
                }
            } else {
                if (c == '"') inString = true;
                previous = c;
            }
        }
        return !inString && skipBlanks(data, t, textTo) == textTo;
    }

    /**
     * The text's character at {@code t} as a byte of UTF-8, or -1: a u-escape for a character past
     * ASCII stands for the character, not for a byte of its encoding, so it never equals a byte.
     */
    private static int textUnit(byte[] d, int t, int limit) {
        int u = EscapedText.unit(d, t, limit);
        if (u < 0) return -1;
        boolean escaped = d[t] == '\\';
        return escaped && u >= 0x80 ? -1 : u;
    }

    private static int skipBlanks(byte[] d, int t, int limit) {
        while (t < limit && isBlank(EscapedText.unit(d, t, limit))) t += EscapedText.width(d, t, limit);
        return t;
    }

    private static int skipPlainBlanks(byte[] d, int j, int limit) {
        while (j < limit && isBlank(d[j])) j++;
        return j;
    }

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    /** A character of a number, true, false or null: two of them are one token unless a blank or a separator parts them. */
    private static boolean isLiteral(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '+' || c == '.';
    }
}
