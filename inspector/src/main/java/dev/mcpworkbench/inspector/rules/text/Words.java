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
     * leading words first (a vectorized {@code indexOf} each) rejects almost every text at once,
     * and where one occurs the pattern is tried only there ({@link #find}).
     */
    private static final Map<Pattern, String[]> LEADS = new ConcurrentHashMap<>();

    /** The patterns with leads ({@link #anyOf}, {@link #withLeads}), for the test that proves matching at leads finds what the regex finds. */
    static Map<Pattern, String[]> leadChecked() {
        return Map.copyOf(LEADS);
    }

    public static Pattern anyOf(Collection<String> alternatives) {
        return anyOf(alternatives.toArray(String[]::new));
    }

    public static boolean contains(String normalizedText, Pattern pattern) {
        return find(normalizedText, pattern) != null;
    }

    /** Start and end of the first match, or null. */
    public static int[] find(String text, Pattern pattern) {
        String[] leads = LEADS.get(pattern);
        if (leads == null) {
            Matcher m = pattern.matcher(text);
            return m.find() ? new int[] {m.start(), m.end()} : null;
        }
        int[] next = new int[leads.length];
        boolean any = false;
        for (int i = 0; i < leads.length; i++) {
            next[i] = text.indexOf(leads[i]);
            any |= next[i] >= 0;
        }
        // most texts hold none of the leads: they are rejected without building a matcher
        return any ? findAtLeads(text, pattern.matcher(text), leads, next) : null;
    }

    /**
     * Every match starts where one of the leads occurs ({@code next}: each lead's first
     * occurrence), so the pattern is tried only there, in text order: the first success is the
     * match {@code find()} would return, without the regex engine trying every alternative at
     * every other position. Transparent bounds let the pattern's lookbehind see the character
     * before the candidate.
     */
    private static int[] findAtLeads(String text, Matcher m, String[] leads, int[] next) {
        m.useTransparentBounds(true).useAnchoringBounds(false);
        while (true) {
            int lead = -1;
            for (int i = 0; i < leads.length; i++) {
                if (next[i] >= 0 && (lead < 0 || next[i] < next[lead])) lead = i;
            }
            if (lead < 0) return null;
            int at = next[lead];
            m.region(at, text.length());
            if (m.lookingAt()) return new int[] {m.start(), m.end()};
            // other leads waiting at this same position are tried by the same lookingAt: skip them too
            for (int i = 0; i < leads.length; i++) {
                if (next[i] == at) next[i] = text.indexOf(leads[i], at + 1);
            }
        }
    }

    /**
     * Registers the literal texts every match of a pattern not built by {@link #anyOf} starts with,
     * so {@link #find} tries it only there. The caller vouches for the leads; the leads test checks
     * them against real servers' texts.
     */
    public static Pattern withLeads(Pattern pattern, String... leads) {
        LEADS.put(pattern, leads.clone());
        return pattern;
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
