package dev.mcpworkbench.inspector.rules.text;

import java.util.Locale;

/**
 * Characters a person does not see but a model reads: the one definition, used by POISON-002 and by
 * the desktop's ⟦U+XXXX⟧ badges alike, so what the screen marks and what the scan reports agree.
 */
public final class Invisibles {

    /**
     * BLANK: assigned, not format characters, yet drawn as nothing: Hangul fillers (U+115F, U+1160,
     * U+3164, U+FFA0; the classic way to make an "empty" name), Khmer inherent vowels (U+17B4,
     * U+17B5), the combining grapheme joiner (U+034F), and the line and paragraph separators
     * (U+2028, U+2029) that break a line no one sees break.
     */
    public enum Kind { FORMAT, CONTROL, BIDI, TAG, VARIATION_SELECTOR, BLANK, LONE_SURROGATE }

    private Invisibles() {
    }

    public static boolean containsAny(String text) {
        for (int i = 0; i < text.length(); ) {
            if (isInvisible(text, i)) return true;
            i += Character.charCount(text.codePointAt(i));
        }
        return false;
    }

    /** True when the code point at {@code index} is hidden (tab, newline and carriage return are not). */
    public static boolean isInvisible(String text, int index) {
        return kind(text, index) != null;
    }

    /** The kind of hidden character at {@code index}, or null for a visible one. */
    public static Kind kind(String text, int index) {
        char c = text.charAt(index);
        if (c < 0x7F && c >= 0x20) return null;
        if (Character.isSurrogate(c)) {
            int cp = text.codePointAt(index);
            if (Character.charCount(cp) == 1) return Kind.LONE_SURROGATE;
            return kindOf(cp);
        }
        return kindOf(c);
    }

    /** True when the code point is hidden; tab, newline and carriage return are not. */
    public static boolean isInvisible(int cp) {
        return kindOf(cp) != null;
    }

    public static Kind kindOf(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') return null;
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) return Kind.LONE_SURROGATE;
        if (cp >= 0xE0000 && cp <= 0xE007F) return Kind.TAG;
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) return Kind.VARIATION_SELECTOR;
        if (cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)) return Kind.BIDI;
        if (cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x17B4 || cp == 0x17B5
                || cp == 0x034F || cp == 0x2028 || cp == 0x2029) return Kind.BLANK;
        int type = Character.getType(cp);
        if (type == Character.CONTROL) return Kind.CONTROL;
        if (type == Character.FORMAT) return Kind.FORMAT;
        return null;
    }

    /** Removes every invisible character (including lone surrogates). */
    public static String strip(String text) {
        if (!containsAny(text)) return text;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!isInvisible(text, i)) out.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * The text as a model reads it: tag characters become the ASCII they encode, every other
     * invisible character is dropped (a word split by zero-width spaces reads whole), ANSI escape
     * sequences are dropped with their parameters, and bidi overrides change nothing (the model reads
     * logical order, whatever a person is shown).
     */
    public static String asRead(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0x1B && i < text.length() && text.charAt(i) == '[') {
                int j = i + 1;
                while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == ';')) j++;
                if (j < text.length()) i = j + 1;
                continue;
            }
            if (cp >= 0xE0020 && cp <= 0xE007E) out.append((char) (cp - 0xE0000));
            else if (kindOf(cp) == null) out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** {@code <U+E0041 TAG LATIN CAPITAL LETTER A>}; a lone surrogate has no name. */
    public static String describe(int cp) {
        String hex = String.format(Locale.ROOT, "U+%04X", cp);
        if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) return "<" + hex + " LONE SURROGATE>";
        String name = Character.getName(cp);
        return name == null ? "<" + hex + ">" : "<" + hex + " " + name + ">";
    }

    /** The ASCII text hidden in Unicode tag characters (U+E0020..U+E007E), in order. */
    public static String decodeTags(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= 0xE0020 && cp <= 0xE007E) out.append((char) (cp - 0xE0000));
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * Zero-width joiners and emoji variation selectors inside emoji sequences are how emoji are
     * written, not hidden text: the character right before is a symbol.
     */
    public static boolean isEmojiGlue(String text, int index) {
        int cp = text.codePointAt(index);
        if (cp != 0x200D && cp != 0xFE0F && cp != 0xFE0E && cp != 0x20E3) return false;
        if (index == 0) return false;
        int before = text.codePointBefore(index);
        int type = Character.getType(before);
        return type == Character.OTHER_SYMBOL || before >= 0x1F000 || before == 0xFE0F
                || (before >= 0x1F3FB && before <= 0x1F3FF) || Character.isDigit(before) || before == '#' || before == '*';
    }
}
