package dev.mcpworkbench.app.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shows the characters a reader cannot see but a model reads (as defined by the inspector's
 * {@code rules.text.Invisibles}: format and control characters, bidi controls, Unicode tags,
 * variation selectors, Hangul fillers...) as ⟦U+200B⟧ badges in untrusted text.
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

    /** The inspector's definition (the one POISON-002 reports), so a badge and a finding always agree. */
    public static boolean isInvisible(int cp) {
        return dev.mcpworkbench.inspector.rules.text.Invisibles.isInvisible(cp);
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
