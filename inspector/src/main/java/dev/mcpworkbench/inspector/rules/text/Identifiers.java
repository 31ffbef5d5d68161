package dev.mcpworkbench.inspector.rules.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits identifiers into words: {@code read_text_file}, {@code readTextFile}, {@code read-text.file}. */
public final class Identifiers {

    private Identifiers() {
    }

    public static List<String> words(String identifier) {
        List<String> words = new ArrayList<>();
        if (identifier == null) return words;
        StringBuilder current = new StringBuilder();
        int n = Math.min(identifier.length(), 512);
        for (int i = 0; i < n; i++) {
            char c = identifier.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(current, words);
                continue;
            }
            if (Character.isUpperCase(c) && current.length() > 0) {
                char prev = identifier.charAt(i - 1);
                boolean nextLower = i + 1 < n && Character.isLowerCase(identifier.charAt(i + 1));
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
                    flush(current, words);
                }
            }
            current.append(c);
        }
        flush(current, words);
        return words;
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (current.length() > 0) {
            words.add(current.toString().toLowerCase(Locale.ROOT));
            current.setLength(0);
        }
    }

    /** Lower case with separators removed: {@code api_key} and {@code apiKey} → apikey. */
    public static String squashed(String identifier) {
        return String.join("", words(identifier));
    }

    /** Naive English singular, enough to group {@code entities}/{@code entity}, {@code files}/{@code file}. */
    public static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ies")) return word.substring(0, word.length() - 3) + "y";
        if (word.length() > 4 && (word.endsWith("sses") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes"))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
