package dev.mcpworkbench.inspector.rules.text;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Word-boundary matching on normalized text: "get" does not match "target", "read" not "already". */
public final class Words {

    private Words() {
    }

    /**
     * A pattern for the alternatives, each bounded by non-letters/digits. Alternatives are written
     * in lower case and matched against normalized (lower-cased) text, so no case folding is needed
     * at match time (which would make every match several times slower).
     */
    public static Pattern anyOf(String... alternatives) {
        Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}])");
        String[] leads = Leads.of(alternatives);
        if (leads != null) LEADS.put(pattern, leads);
        return pattern;
    }

    /**
     * The literal words a pattern's matches start with, when every alternative has one. Java's
     * regex engine tries every alternative at every position of the text; a pattern with a
     * lookbehind and twenty alternatives ran hundreds of steps per character. Checking for the
     * leading words first (a vectorized {@code indexOf} each) rejects almost every text at once.
     */
    private static final Map<Pattern, String[]> LEADS = new ConcurrentHashMap<>();

    /** False only when no match is possible: none of the pattern's leading words occurs in the text. */
    static boolean mayMatch(String text, Pattern pattern) {
        String[] leads = LEADS.get(pattern);
        if (leads == null) return true;
        for (String lead : leads) if (text.contains(lead)) return true;
        return false;
    }

    /** The patterns {@link #anyOf} built with a lead check, for the test that proves the check never hides a match. */
    static Map<Pattern, String[]> leadChecked() {
        return Map.copyOf(LEADS);
    }

    public static Pattern anyOf(Collection<String> alternatives) {
        return anyOf(alternatives.toArray(String[]::new));
    }

    public static boolean contains(String normalizedText, Pattern pattern) {
        return mayMatch(normalizedText, pattern) && pattern.matcher(normalizedText).find();
    }

    /** Start and end of the first match, or null. */
    public static int[] find(String text, Pattern pattern) {
        if (!mayMatch(text, pattern)) return null;
        Matcher m = pattern.matcher(text);
        return m.find() ? new int[] {m.start(), m.end()} : null;
    }

    /** Meaningful words: letters, at least 2 long, not a stop word. */
    public static int meaningfulWordCount(String normalizedText) {
        return meaningfulWordCount(normalizedText, Integer.MAX_VALUE);
    }

    /** Counts meaningful words, stopping once {@code enough} are found (long descriptions need not be read whole). */
    public static int meaningfulWordCount(String normalizedText, int enough) {
        int count = 0;
        int i = 0;
        int n = normalizedText.length();
        while (i < n && count < enough) {
            while (i < n && !Character.isLetterOrDigit(normalizedText.charAt(i))) i++;
            int start = i;
            while (i < n && Character.isLetterOrDigit(normalizedText.charAt(i))) i++;
            int length = i - start;
            // every stop word is at most four letters: longer words need no lookup
            if (length >= 2 && (length > 4 || !STOP_WORDS.contains(normalizedText.substring(start, i)))) count++;
        }
        return count;
    }

    private static final java.util.Set<String> STOP_WORDS = java.util.Set.of("a", "an", "the", "of", "to", "in", "on",
            "for", "and", "or", "is", "it", "this", "that", "be", "by", "as", "at", "with", "tool", "todo", "tbd", "none");
}
