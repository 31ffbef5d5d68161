package dev.mcpworkbench.inspector.rules.text;

/**
 * {@link O200kPieces#match} for a piece made of ASCII characters, the bulk of every tool list
 * (JSON punctuation, English words, identifiers). In ASCII the regex's alternatives reduce to a
 * few table lookups: an upper-case run cannot give a character back to a lower-case run, and no
 * character is both a letter and anything else. Any non-ASCII character the piece would have to
 * look at makes it answer -1, and the general matcher decides.
 */
final class AsciiPieces {

    private static final byte UPPER = 1;
    private static final byte LOWER = 2;
    private static final byte DIGIT = 3;
    private static final byte SPACE = 4; // \s in ASCII: space and the controls 0x09 to 0x0D
    private static final byte SYMBOL = 5; // everything else, control characters included
    private static final byte[] CLASS = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            CLASS[c] = c >= 'A' && c <= 'Z' ? UPPER : c >= 'a' && c <= 'z' ? LOWER : c >= '0' && c <= '9' ? DIGIT
                    : c == ' ' || (c >= 0x09 && c <= 0x0D) ? SPACE : SYMBOL;
        }
    }

    /** Not ASCII: the caller falls back to the Unicode matcher. */
    private static final byte OTHER = 0;

    private AsciiPieces() {
    }

    private static byte at(char[] s, int k) {
        char c = s[k];
        return c < 128 ? CLASS[c] : OTHER;
    }

    /** End of the piece starting at {@code i}, or -1 when a non-ASCII character is in the way. */
    static int match(char[] s, int n, int i) {
        byte c = at(s, i);
        if (c == OTHER) return -1;
        if (c == UPPER || c == LOWER) return word(s, n, i);
        byte next = i + 1 < n ? at(s, i + 1) : SPACE; // past the end acts like a character that starts nothing
        if (next == OTHER) return -1;
        char ch = s[i];
        // a leader (not a letter, digit, \r or \n) followed by a letter opens a word
        if (c != DIGIT && ch != '\r' && ch != '\n' && (next == UPPER || next == LOWER)) return word(s, n, i + 1);
        if (c == DIGIT) return digits(s, n, i);
        if (c == SYMBOL || (ch == ' ' && next == SYMBOL)) return punctuation(s, n, c == SYMBOL ? i : i + 1);
        return whitespace(s, n, i);
    }

    /** U* L+ or U+ L*, then a contraction: an upper-case run, a lower-case run, 's 't 're 've 'm 'll 'd. */
    private static int word(char[] s, int n, int k) {
        while (k < n && at(s, k) == UPPER) k++;
        while (k < n && at(s, k) == LOWER) k++;
        if (k < n && at(s, k) == OTHER) return -1; // a non-ASCII letter may continue the word
        return contraction(s, n, k);
    }

    private static int contraction(char[] s, int n, int at) {
        if (at + 1 >= n || s[at] != '\'') return at;
        char a = s[at + 1];
        if (a >= 128) return -1; // 'ſ' is an s to the regex
        a = (char) (a | 0x20);
        if (a == 's' || a == 't' || a == 'm' || a == 'd') return at + 2;
        if (at + 2 >= n) return at;
        char b = s[at + 2];
        if (b >= 128) return -1;
        b = (char) (b | 0x20);
        return (a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l') ? at + 3 : at;
    }

    private static int digits(char[] s, int n, int i) {
        int k = i + 1;
        while (k < n && k < i + 3 && at(s, k) == DIGIT) k++;
        if (k < n && k < i + 3 && at(s, k) == OTHER) return -1; // a non-ASCII digit may continue the group
        return k;
    }

    /** [^\s\p{L}\p{N}]+[\r\n/]* from {@code k}, a symbol. */
    private static int punctuation(char[] s, int n, int k) {
        while (k < n && at(s, k) == SYMBOL) k++;
        if (k < n && at(s, k) == OTHER) return -1;
        while (k < n && (s[k] == '\r' || s[k] == '\n' || s[k] == '/')) k++;
        return k;
    }

    /** \s*[\r\n]+, else \s+(?!\S), else \s+ : see O200kPieces.lineBreaks and spaces. */
    private static int whitespace(char[] s, int n, int i) {
        int end = i;
        while (end < n && at(s, end) == SPACE) end++;
        if (end < n && at(s, end) == OTHER) return -1; // U+0085 and other Unicode spaces continue the run
        for (int k = end - 1; k >= i; k--) {
            char c = s[k];
            if (c == '\r' || c == '\n') return k + 1;
        }
        if (end == n) return end;
        return end - 1 > i ? end - 1 : end;
    }
}
