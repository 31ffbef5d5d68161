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

    /** Receives each piece as [start, end) char offsets into the text. */
    interface Sink {
        void piece(int start, int end);
    }

    private O200kPieces() {
    }

    static void split(String text, Sink sink) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            int end = match(text, i);
            sink.piece(i, end);
            i = end;
        }
    }

    /** End of the piece starting at {@code i}; every character starts one, so this is always > i. */
    static int match(String s, int i) {
        int end = AsciiPieces.match(s, i);
        return end >= 0 ? end : matchAny(s, i);
    }

    /** {@link #match} for any text: every alternative in the regex's order, with Unicode classes. */
    static int matchAny(String s, int i) {
        int end = letters(s, i, true);
        if (end < 0) end = letters(s, i, false);
        if (end < 0) end = digits(s, i);
        if (end < 0) end = punctuation(s, i);
        if (end < 0) end = lineBreaks(s, i);
        if (end < 0) end = spaces(s, i);
        return end;
    }

    // ---- alternatives 1 and 2: an optional leading non-letter, upper-ish run, lower-ish run, contraction

    /**
     * {@code lowerRequired}: alternative 1 (U* L+), else alternative 2 (U+ L*). Both try the
     * leading character first, then without it, as the regex's greedy {@code ?} backtracks.
     */
    private static int letters(String s, int i, boolean lowerRequired) {
        int cp = s.codePointAt(i);
        if (isLeader(cp)) {
            int end = lowerRequired ? upperThenLower(s, i + Character.charCount(cp)) : upperThenOptionalLower(s, i + Character.charCount(cp));
            if (end >= 0) return end;
        }
        return lowerRequired ? upperThenLower(s, i) : upperThenOptionalLower(s, i);
    }

    /** U* L+ C? : U* greedy, giving characters back until one can start L+. */
    private static int upperThenLower(String s, int from) {
        int n = s.length();
        int upperEnd = from;
        while (upperEnd < n && isUpperish(s.codePointAt(upperEnd))) upperEnd += Character.charCount(s.codePointAt(upperEnd));
        for (int k = upperEnd; ; ) {
            if (k < n && isLowerish(s.codePointAt(k))) return contraction(s, lowerRun(s, k));
            if (k == from) return -1;
            k = previous(s, k, from);
        }
    }

    /** U+ L* C? : U+ greedy (L* then always succeeds). */
    private static int upperThenOptionalLower(String s, int from) {
        int n = s.length();
        int upperEnd = from;
        while (upperEnd < n && isUpperish(s.codePointAt(upperEnd))) upperEnd += Character.charCount(s.codePointAt(upperEnd));
        if (upperEnd == from) return -1;
        return contraction(s, lowerRun(s, upperEnd));
    }

    private static int lowerRun(String s, int k) {
        int n = s.length();
        while (k < n && isLowerish(s.codePointAt(k))) k += Character.charCount(s.codePointAt(k));
        return k;
    }

    private static int previous(String s, int k, int floor) {
        int p = k - 1;
        if (p > floor && Character.isLowSurrogate(s.charAt(p)) && Character.isHighSurrogate(s.charAt(p - 1))) p--;
        return p;
    }

    /** (?i:'s|'t|'re|'ve|'m|'ll|'d)? after {@code at}. */
    private static int contraction(String s, int at) {
        if (at >= s.length() || s.charAt(at) != '\'') return at;
        int a = at + 1;
        if (a < s.length()) {
            int c1 = s.codePointAt(a);
            if (same(c1, 's') || same(c1, 't') || same(c1, 'm') || same(c1, 'd')) return a + Character.charCount(c1);
            int b = a + Character.charCount(c1);
            if (b < s.length()) {
                int c2 = s.codePointAt(b);
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

    private static int digits(String s, int i) {
        int k = i;
        for (int count = 0; count < 3 && k < s.length() && isNumber(s.codePointAt(k)); count++) {
            k += Character.charCount(s.codePointAt(k));
        }
        return k == i ? -1 : k;
    }

    /** " ?[^\s\p{L}\p{N}]+[\r\n/]*" */
    private static int punctuation(String s, int i) {
        int k = i;
        if (s.charAt(k) == ' ' && k + 1 < s.length() && isSymbol(s.codePointAt(k + 1))) k++;
        if (!isSymbol(s.codePointAt(k))) return -1;
        while (k < s.length() && isSymbol(s.codePointAt(k))) k += Character.charCount(s.codePointAt(k));
        while (k < s.length() && (s.charAt(k) == '\r' || s.charAt(k) == '\n' || s.charAt(k) == '/')) k++;
        return k;
    }

    /** "\s*[\r\n]+": the whitespace run, given back to just after its last line break. */
    private static int lineBreaks(String s, int i) {
        int end = whitespaceRun(s, i);
        for (int k = end - 1; k >= i; k--) {
            char c = s.charAt(k);
            if (c == '\r' || c == '\n') return k + 1;
        }
        return -1;
    }

    /** "\s+(?!\S)" then "\s+": a run that is not followed by text keeps its last space for the next word. */
    private static int spaces(String s, int i) {
        int end = whitespaceRun(s, i);
        if (end == i) return -1;
        if (end == s.length()) return end;
        int last = previous(s, end, i);
        return last > i ? last : end;
    }

    private static int whitespaceRun(String s, int k) {
        while (k < s.length() && isWhiteSpace(s.codePointAt(k))) k += Character.charCount(s.codePointAt(k));
        return k;
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
