package dev.mcpworkbench.inspector.rules.dynamic;

import java.util.Locale;

/** Spells out invisible characters so a reviewer sees what the model sees. */
final class HiddenText {

    private HiddenText() {
    }

    static boolean isHidden(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') return false;
        int type = Character.getType(cp);
        return type == Character.FORMAT || (type == Character.CONTROL && cp != 0x1B)
                || (cp >= 0xE0000 && cp <= 0xE007F) || (cp >= 0xFE00 && cp <= 0xFE0F);
    }

    /**
     * "" when nothing is hidden; otherwise what is hidden, with tag characters decoded. Allocates
     * nothing for a text with nothing hidden: it runs on every string of a result.
     */
    static String describe(CharSequence s) {
        int count = 0;
        StringBuilder tags = null;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            if (isHidden(cp)) {
                count++;
                if (cp >= 0xE0020 && cp <= 0xE007E) {
                    if (tags == null) tags = new StringBuilder();
                    tags.append((char) (cp - 0xE0000));
                }
            }
            i += Character.charCount(cp);
        }
        if (count == 0) return "";
        return count + " invisible character" + (count == 1 ? "" : "s")
                + (tags != null ? "; hidden tag text: \"" + DynamicFindings.cut(tags.toString()) + "\"" : "");
    }

    static String strip(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(cp -> !isHidden(cp)).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** Control and format characters as {@code <U+XXXX>}, ESC as {@code <ESC>}. */
    static String visible(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp == 0x1B) b.append("<ESC>");
            else if (isHidden(cp)) b.append(String.format(Locale.ROOT, "<U+%04X>", cp));
            else b.appendCodePoint(cp);
        });
        return b.toString();
    }
}
