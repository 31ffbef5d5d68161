package dev.mcpworkbench.inspector.rules.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The text preparation every text rule shares: invisible characters are spelled out for evidence
 * and stripped for matching; matching happens on NFKC, lower-cased text.
 */
public final class Texts {

    private Texts() {
    }

    public static String textField(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : "";
    }

    /** NFKC, invisible characters removed, lower case (ROOT locale). */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) return "";
        if (isPlainAscii(text)) return text.toLowerCase(java.util.Locale.ROOT);
        String visible = Invisibles.strip(text);
        String nfkc = Normalizer.isNormalized(visible, Normalizer.Form.NFKC)
                ? visible : Normalizer.normalize(visible, Normalizer.Form.NFKC);
        return nfkc.toLowerCase(Locale.ROOT);
    }

    /** Printable ASCII plus tab/newline/CR: already NFKC and free of invisible characters. */
    public static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x7F || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) return false;
        }
        return true;
    }

    /** The text with every invisible character written out, e.g. {@code <U+200B ZERO WIDTH SPACE>}. */
    public static String spellOut(String text) {
        if (text == null) return "";
        if (!Invisibles.containsAny(text)) return text;
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (Invisibles.isInvisible(text, i)) out.append(Invisibles.describe(cp));
            else out.appendCodePoint(cp);
            i += width;
        }
        return out.toString();
    }

    /** Evidence-sized excerpt around [start, end) of the original text, invisible characters spelled out. */
    public static String excerpt(String text, int start, int end, int context) {
        int from = Math.max(0, start - context);
        int to = Math.min(text.length(), end + context);
        if (from > 0 && Character.isLowSurrogate(text.charAt(from))) from--;
        if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) to++;
        String body = spellOut(text.substring(from, Math.min(to, text.length())));
        return (from > 0 ? "…" : "") + body + (to < text.length() ? "…" : "");
    }

    /** Shortens long evidence so a 10 MB description cannot blow up a report. */
    public static String clip(String text, int max) {
        if (text == null) return "";
        if (text.length() <= max) return text;
        return text.substring(0, max) + "… (" + (text.length() - max) + " more characters)";
    }
}
