package dev.mcpworkbench.inspector.payload;

import java.util.Locale;

/**
 * Strings as a server sent them may hold a lone UTF-16 surrogate (a JSON {@code "\ud800"} escape
 * is legal JSON), which no UTF-8 encoder can write: a strict one fails, a lenient one writes '?'
 * and hides it. What the workbench keeps and reports replaces each lone surrogate by its visible
 * name, {@code <U+D800>}, so the text can always be written and the reader is told what was there.
 */
public final class WellFormedText {

    private WellFormedText() {
    }

    /** {@code text} unchanged when well formed (the common case costs one scan, no copy). */
    public static String of(String text) {
        if (text == null) return null;
        int first = firstLoneSurrogate(text);
        if (first < 0) return text;
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                b.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append(String.format(Locale.ROOT, "<U+%04X>", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The index of the first unpaired surrogate, or -1. */
    public static int firstLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }
}
