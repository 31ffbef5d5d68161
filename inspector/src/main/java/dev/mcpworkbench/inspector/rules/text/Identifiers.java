package dev.mcpworkbench.inspector.rules.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;

/** Splits identifiers into words: {@code read_text_file}, {@code readTextFile}, {@code read-text.file}. */
public final class Identifiers {

    private Identifiers() {
    }

    // Property and tool names repeat across a server's tools and across scans, and a dozen rules
    // split each one: splitting was an eighth of a large scan's allocation.
    private static final int MEMO_LIMIT = 20_000;
    private static final Map<String, List<String>> WORDS = new ConcurrentHashMap<>();
    private static final Map<String, String> SQUASHED = new ConcurrentHashMap<>();

    /** The identifier's words in lower case (an unmodifiable list). */
    public static List<String> words(String identifier) {
        if (identifier == null) return List.of();
        List<String> known = WORDS.get(identifier);
        if (known != null) return known;
        List<String> words = List.copyOf(split(identifier));
        remember(WORDS, identifier, words);
        return words;
    }

    private static <V> void remember(Map<String, V> memo, String key, V value) {
        if (key.length() > 256) return;
        if (memo.size() >= MEMO_LIMIT) memo.clear();
        memo.put(key, value);
    }

    private static List<String> split(String identifier) {
        List<String> words = new ArrayList<>();
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
        if (identifier == null) return "";
        String known = SQUASHED.get(identifier);
        if (known != null) return known;
        String squashed = String.join("", words(identifier));
        remember(SQUASHED, identifier, squashed);
        return squashed;
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
