package dev.mcpworkbench.inspector.rules.dynamic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * For each pattern of a rule, ASCII literals one of which every match of the pattern contains
 * ({@code "://"} for a connection string). One pass over a text says which patterns can match in
 * it, and only those are searched. Java's regex engine tries a pattern at every position of the
 * text, and an alternation of words after {@code \b} has no fast skip: the two rules' 13 patterns
 * cost about 40 s on 100 MB of prose (100,000 text blocks), in which none of them matched.
 */
final class Anchors {

    /**
     * The literals of one pattern. {@code ignoreCase} as the pattern's {@code (?i)}: ASCII letters
     * only, as Java's regex without UNICODE_CASE. No literals: the pattern is always searched.
     */
    record Literals(boolean ignoreCase, List<String> anyOf) {

        static Literals none() {
            return new Literals(false, List.of());
        }

        static Literals exact(String... anyOf) {
            return new Literals(false, List.of(anyOf));
        }

        static Literals ignoringCase(String... anyOf) {
            return new Literals(true, List.of(anyOf));
        }
    }

    private final long all;
    private final long unanchored;
    private final String[] literals;
    private final boolean[] ignoreCase;
    private final long[] patternBit;
    /**
     * Literal numbers by their first two characters ({@code 128 * first + second}, every case when
     * the case is ignored), or by their only one: looking up the first alone sent most letters of
     * prose ("o" for "other", "n" for "not") to a comparison.
     */
    private final int[][] byFirstTwo = new int[128 * 128][];
    private final int[][] byOnlyChar = new int[128][];

    Anchors(List<Literals> perPattern) {
        if (perPattern.size() > 64) throw new IllegalArgumentException("at most 64 patterns");
        List<String> lits = new ArrayList<>();
        List<Boolean> cases = new ArrayList<>();
        List<Long> bits = new ArrayList<>();
        long none = 0;
        for (int p = 0; p < perPattern.size(); p++) {
            Literals l = perPattern.get(p);
            if (l.anyOf().isEmpty()) none |= 1L << p;
            for (String s : l.anyOf()) {
                if (s.isEmpty() || !s.chars().allMatch(c -> c < 128)) throw new IllegalArgumentException("literal " + s);
                lits.add(l.ignoreCase() ? s.toLowerCase(Locale.ROOT) : s);
                cases.add(l.ignoreCase());
                bits.add(1L << p);
            }
        }
        this.all = perPattern.size() == 64 ? -1L : (1L << perPattern.size()) - 1;
        this.unanchored = none;
        this.literals = lits.toArray(String[]::new);
        this.ignoreCase = new boolean[literals.length];
        this.patternBit = new long[literals.length];
        for (int i = 0; i < literals.length; i++) {
            ignoreCase[i] = cases.get(i);
            patternBit[i] = bits.get(i);
            String l = literals[i];
            for (char a : cases(l.charAt(0), ignoreCase[i])) {
                if (l.length() == 1) {
                    add(byOnlyChar, a, i);
                    continue;
                }
                for (char b : cases(l.charAt(1), ignoreCase[i])) add(byFirstTwo, 128 * a + b, i);
            }
        }
    }

    private static char[] cases(char c, boolean ignoreCase) {
        char upper = Character.toUpperCase(c);
        return ignoreCase && upper != c ? new char[] {c, upper} : new char[] {c};
    }

    private static void add(int[][] table, int at, int literal) {
        int[] was = table[at];
        int[] now = was == null ? new int[1] : java.util.Arrays.copyOf(was, was.length + 1);
        now[now.length - 1] = literal;
        table[at] = now;
    }

    /** Bit {@code p} set when pattern {@code p} may match in {@code text}: it has no literals, or one occurs. */
    long candidates(CharSequence text) {
        long found = unanchored;
        int n = text.length();
        char next = n > 0 ? text.charAt(0) : 0;
        for (int i = 0; i < n && found != all; i++) {
            char c = next;
            next = i + 1 < n ? text.charAt(i + 1) : 0;
            if (c >= 128) continue;
            int[] only = byOnlyChar[c];
            if (only != null) {
                for (int lit : only) found |= patternBit[lit];
            }
            if (next >= 128) continue;
            int[] starting = byFirstTwo[128 * c + next];
            if (starting == null) continue;
            for (int lit : starting) {
                if ((found & patternBit[lit]) == 0 && occursAt(text, i, lit)) found |= patternBit[lit];
            }
        }
        return found;
    }

    private boolean occursAt(CharSequence text, int at, int lit) {
        String l = literals[lit];
        if (at + l.length() > text.length()) return false;
        boolean fold = ignoreCase[lit];
        for (int k = 2; k < l.length(); k++) {
            char c = text.charAt(at + k);
            if (fold && c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
            if (c != l.charAt(k)) return false;
        }
        return true;
    }
}
