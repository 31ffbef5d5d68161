package dev.mcpworkbench.inspector.rules.text;

/**
 * Splits text into the pieces o200k_base encodes one at a time, exactly as its pre-tokenizer
 * regex does (with {@code UNICODE_CHARACTER_CLASS}, first matching alternative wins):
 * <pre>
 *   [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 *   [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 *   \p{N}{1,3}
 *    ?[^\s\p{L}\p{N}]+[\r\n/]*
 *   \s*[\r\n]+
 *   \s+(?!\S)
 *   \s+
 * </pre>
 * jtokkit runs that regex with {@code java.util.regex}, about 14 MB/s: counting a thousand-tool
 * list took 25 times as long as parsing it. Written out by hand it runs several times faster, and
 * the pieces (mostly repeated words and JSON punctuation) can be counted once each.
 * {@code O200kPiecesTest} checks it against the regex and against jtokkit's own counts.
 */
final class O200kPieces {

    private O200kPieces() {
    }

    /** End of the piece starting at {@code i}; every character starts one, so this is always > i. */
    static int match(char[] s, int n, int i) {
        int end = AsciiPieces.match(s, n, i);
        return end >= 0 ? end : matchAny(s, n, i);
    }

    /** {@link #match} for any text: every alternative in the regex's order, with Unicode classes. */
    static int matchAny(char[] s, int n, int i) {
        int end = letters(s, n, i, true);
        if (end < 0) end = letters(s, n, i, false);
        if (end < 0) end = digits(s, n, i);
        if (end < 0) end = punctuation(s, n, i);
        if (end < 0) end = lineBreaks(s, n, i);
        if (end < 0) end = spaces(s, n, i);
        return end;
    }

    // ---- alternatives 1 and 2: an optional leading non-letter, upper-ish run, lower-ish run, contraction

    /**
     * {@code lowerRequired}: alternative 1 (U* L+), else alternative 2 (U+ L*). Both try the
     * leading character first, then without it, as the regex's greedy {@code ?} backtracks.
     */
    private static int letters(char[] s, int n, int i, boolean lowerRequired) {
        int cp = cp(s, n, i);
        if (isLeader(cp)) {
            int end = lowerRequired ? upperThenLower(s, n, i + Character.charCount(cp)) : upperThenOptionalLower(s, n, i + Character.charCount(cp));
            if (end >= 0) return end;
        }
        return lowerRequired ? upperThenLower(s, n, i) : upperThenOptionalLower(s, n, i);
    }

    /** U* L+ C? : U* greedy, giving characters back until one can start L+. */
    private static int upperThenLower(char[] s, int n, int from) {
        int upperEnd = from;
        while (upperEnd < n && isUpperish(cp(s, n, upperEnd))) upperEnd += Character.charCount(cp(s, n, upperEnd));
        for (int k = upperEnd; ; ) {
            if (k < n && isLowerish(cp(s, n, k))) return contraction(s, n, lowerRun(s, n, k));
            if (k == from) return -1;
            k = previous(s, n, k, from);
        }
    }

    /** U+ L* C? : U+ greedy (L* then always succeeds). */
    private static int upperThenOptionalLower(char[] s, int n, int from) {
        int upperEnd = from;
        while (upperEnd < n && isUpperish(cp(s, n, upperEnd))) upperEnd += Character.charCount(cp(s, n, upperEnd));
        if (upperEnd == from) return -1;
        return contraction(s, n, lowerRun(s, n, upperEnd));
    }

    private static int lowerRun(char[] s, int n, int k) {
        while (k < n && isLowerish(cp(s, n, k))) k += Character.charCount(cp(s, n, k));
        return k;
    }

    private static int previous(char[] s, int n, int k, int floor) {
        int p = k - 1;
        if (p > floor && Character.isLowSurrogate(s[p]) && Character.isHighSurrogate(s[p - 1])) p--;
        return p;
    }

    /** (?i:'s|'t|'re|'ve|'m|'ll|'d)? after {@code at}. */
    private static int contraction(char[] s, int n, int at) {
        if (at >= n || s[at] != '\'') return at;
        int a = at + 1;
        if (a < n) {
            int c1 = cp(s, n, a);
            if (same(c1, 's') || same(c1, 't') || same(c1, 'm') || same(c1, 'd')) return a + Character.charCount(c1);
            int b = a + Character.charCount(c1);
            if (b < n) {
                int c2 = cp(s, n, b);
                if ((same(c1, 'r') && same(c2, 'e')) || (same(c1, 'v') && same(c2, 'e')) || (same(c1, 'l') && same(c2, 'l'))) {
                    return b + Character.charCount(c2);
                }
            }
        }
        return at;
    }

    /** Case-insensitive with Unicode case, compared as java.util.regex does it ("ſ" matches "s"). */
    private static boolean same(int cp, char lowerAscii) {
        return cp == lowerAscii || Character.toLowerCase(Character.toUpperCase(cp)) == lowerAscii;
    }

    // ---- alternatives 3 to 7

    private static int digits(char[] s, int n, int i) {
        int k = i;
        for (int count = 0; count < 3 && k < n && isNumber(cp(s, n, k)); count++) {
            k += Character.charCount(cp(s, n, k));
        }
        return k == i ? -1 : k;
    }

    /** " ?[^\s\p{L}\p{N}]+[\r\n/]*" */
    private static int punctuation(char[] s, int n, int i) {
        int k = i;
        if (s[k] == ' ' && k + 1 < n && isSymbol(cp(s, n, k + 1))) k++;
        if (!isSymbol(cp(s, n, k))) return -1;
        while (k < n && isSymbol(cp(s, n, k))) k += Character.charCount(cp(s, n, k));
        while (k < n && (s[k] == '\r' || s[k] == '\n' || s[k] == '/')) k++;
        return k;
    }

    /** "\s*[\r\n]+": the whitespace run, given back to just after its last line break. */
    private static int lineBreaks(char[] s, int n, int i) {
        int end = whitespaceRun(s, n, i);
        for (int k = end - 1; k >= i; k--) {
            char c = s[k];
            if (c == '\r' || c == '\n') return k + 1;
        }
        return -1;
    }

    /** "\s+(?!\S)" then "\s+": a run that is not followed by text keeps its last space for the next word. */
    private static int spaces(char[] s, int n, int i) {
        int end = whitespaceRun(s, n, i);
        if (end == i) return -1;
        if (end == n) return end;
        int last = previous(s, n, end, i);
        return last > i ? last : end;
    }

    private static int whitespaceRun(char[] s, int n, int k) {
        while (k < n && isWhiteSpace(cp(s, n, k))) k += Character.charCount(cp(s, n, k));
        return k;
    }

    /** The code point at {@code k} of the text {@code s[0, n)}. */
    private static int cp(char[] s, int n, int k) {
        return Character.codePointAt(s, k, n);
    }

    // ---- character classes as java.util.regex defines them under UNICODE_CHARACTER_CLASS

    private static boolean isLeader(int cp) {
        return cp != '\r' && cp != '\n' && !Character.isLetter(cp) && !isNumber(cp);
    }

    private static boolean isSymbol(int cp) {
        return !isWhiteSpace(cp) && !Character.isLetter(cp) && !isNumber(cp);
    }

    private static boolean isUpperish(int cp) {
        if (cp < 128) return cp >= 'A' && cp <= 'Z';
        int t = Character.getType(cp);
        return t == Character.UPPERCASE_LETTER || t == Character.TITLECASE_LETTER || t == Character.MODIFIER_LETTER
                || t == Character.OTHER_LETTER || isMark(t);
    }

    private static boolean isLowerish(int cp) {
        if (cp < 128) return cp >= 'a' && cp <= 'z';
        int t = Character.getType(cp);
        return t == Character.LOWERCASE_LETTER || t == Character.MODIFIER_LETTER || t == Character.OTHER_LETTER || isMark(t);
    }

    private static boolean isMark(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean isNumber(int cp) {
        if (cp < 128) return cp >= '0' && cp <= '9';
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    /** The Unicode White_Space property (what {@code \s} means under UNICODE_CHARACTER_CLASS). */
    private static boolean isWhiteSpace(int cp) {
        if (cp < 128) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
        if (cp == 0x85) return true;
        int t = Character.getType(cp);
        return t == Character.SPACE_SEPARATOR || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
    }
}
