package dev.mcpworkbench.inspector.rules.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Works out, from the source of a regex alternative, literal text that every match of it starts
 * with: a plain prefix ({@code "issues?"} → {@code issue}) or a leading group of plain words
 * ({@code "(?:before|after) using"} → {@code before}, {@code after}). Anything it cannot read
 * with certainty (escapes, classes, nested or optional groups, lookarounds) gives no lead, and the
 * pattern then always runs.
 */
final class Leads {

    private static final String SYNTAX = "\\()[]{}?*+|.^$";
    private static final String OPTIONAL = "?*{";
    private static final int SHORTEST = 2;

    private Leads() {
    }

    /** The leads of all alternatives, or null when one of them has none. */
    static String[] of(String... alternatives) {
        List<String> all = new ArrayList<>();
        for (String alternative : alternatives) {
            List<String> leads = ofAlternative(alternative);
            if (leads == null) return null;
            all.addAll(leads);
        }
        return all.isEmpty() ? null : all.toArray(String[]::new);
    }

    private static List<String> ofAlternative(String alternative) {
        if (alternative.startsWith("(?:")) return leadingGroup(alternative);
        int end = 0;
        while (end < alternative.length() && SYNTAX.indexOf(alternative.charAt(end)) < 0) end++;
        // "issues?": the character before an optional quantifier may be absent
        if (end < alternative.length() && OPTIONAL.indexOf(alternative.charAt(end)) >= 0) end--;
        String lead = alternative.substring(0, Math.max(0, end));
        return lead.length() >= SHORTEST ? List.of(lead) : null;
    }

    private static List<String> leadingGroup(String alternative) {
        int close = alternative.indexOf(')');
        if (close < 0) return null;
        if (close + 1 < alternative.length() && OPTIONAL.indexOf(alternative.charAt(close + 1)) >= 0) return null;
        List<String> words = new ArrayList<>();
        for (String word : alternative.substring(3, close).split("\\|", -1)) {
            if (word.length() < SHORTEST) return null;
            for (char c : word.toCharArray()) if (SYNTAX.indexOf(c) >= 0) return null;
            words.add(word);
        }
        return words;
    }
}
