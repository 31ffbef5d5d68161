package dev.mcpworkbench.inspector.rules.docs;

/** Edit distance with an early exit once it exceeds a bound (names are short; lists can be long). */
final class Levenshtein {

    private Levenshtein() {
    }

    /** The distance, or {@code bound + 1} when it is larger than {@code bound}. */
    static int distance(String a, String b, int bound) {
        if (Math.abs(a.length() - b.length()) > bound) return bound + 1;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > bound) return bound + 1;
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], bound + 1);
    }
}
