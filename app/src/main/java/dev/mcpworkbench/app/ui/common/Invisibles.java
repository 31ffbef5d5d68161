package dev.mcpworkbench.app.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the characters a reader cannot see but a model reads: zero-width and joiner characters,
 * bidirectional controls, Unicode tags, variation selectors, soft hyphens, control characters.
 * Untrusted text (descriptions, instructions, payloads) shows them as ⟦U+200B⟧ badges.
 */
public final class Invisibles {

    /** A run of the text: either visible text, or one invisible code point. */
    public record Segment(String text, boolean invisible) {
        public String badge() {
            return "⟦U+" + Integer.toHexString(text.codePointAt(0)).toUpperCase(Locale.ROOT) + "⟧";
        }
    }

    private Invisibles() {
    }

    public static boolean isInvisible(int cp) {
        if (cp == '\n' || cp == '\t' || cp == '\r') return false;
        if (Character.isISOControl(cp)) return true;
        return cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160
                || cp == 0x17B4 || cp == 0x17B5 || cp == 0x180E
                || (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x2028 && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x206F)
                || cp == 0x3164 || cp == 0xFEFF || cp == 0xFFA0
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xFFF0 && cp <= 0xFFFB)
                || (cp >= 0xE0000 && cp <= 0xE0FFF)
                || Character.getType(cp) == Character.FORMAT;
    }

    public static List<Segment> segments(String text) {
        List<Segment> out = new ArrayList<>();
        StringBuilder visible = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (isInvisible(cp)) {
                if (!visible.isEmpty()) {
                    out.add(new Segment(visible.toString(), false));
                    visible.setLength(0);
                }
                out.add(new Segment(new String(Character.toChars(cp)), true));
            } else {
                visible.appendCodePoint(cp);
            }
        });
        if (!visible.isEmpty()) out.add(new Segment(visible.toString(), false));
        return out;
    }

    public static long count(String text) {
        return text == null ? 0 : text.codePoints().filter(Invisibles::isInvisible).count();
    }

    /** The text with every invisible character replaced by its ⟦U+XXXX⟧ badge, for plain-text places. */
    public static String reveal(String text) {
        if (text == null) return "";
        if (count(text) == 0) return text;
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments(text)) sb.append(s.invisible() ? s.badge() : s.text());
        return sb.toString();
    }
}
