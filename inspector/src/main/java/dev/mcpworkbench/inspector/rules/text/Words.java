package dev.mcpworkbench.inspector.rules.text;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word-boundary matching on normalized text: "get" does not match "target", "read" not "already". */
public final class Words {

    private Words() {
    }

    /** A case-insensitive pattern for the alternatives, each bounded by non-letters/digits. */
    public static Pattern anyOf(String... alternatives) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public static Pattern anyOf(Collection<String> alternatives) {
        return anyOf(alternatives.toArray(String[]::new));
    }

    public static boolean contains(String normalizedText, Pattern pattern) {
        return pattern.matcher(normalizedText).find();
    }

    /** Start and end of the first match, or null. */
    public static int[] find(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        return m.find() ? new int[] {m.start(), m.end()} : null;
    }

    /** Meaningful words: letters, at least 2 long, not a stop word. */
    public static int meaningfulWordCount(String normalizedText) {
        int count = 0;
        for (String w : normalizedText.split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 2 && !STOP.matcher(w).matches()) count++;
        }
        return count;
    }

    private static final Pattern STOP = Pattern.compile(
            "a|an|the|of|to|in|on|for|and|or|is|it|this|that|be|by|as|at|with|tool|todo|tbd|none|n/a");
}
