package dev.mcpworkbench.inspector.rules.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * o200k_base token counts (GPT-4o family), a fair proxy for what a tool list costs in context.
 * Counting is the costliest part of a first scan, so texts counted before come from a bounded
 * cache, and a snapshot's tool counts from a memo keyed on its tool list (a rescan, the other
 * servers of a workspace).
 */
public final class Tokens {

    private static final int CACHE_LIMIT = 50_000;
    private static final int CACHE_MIN_LENGTH = 64;
    private static final Map<String, Integer> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static int count(String text) {
        if (text == null || text.isEmpty()) return 0;
        if (text.length() < CACHE_MIN_LENGTH) return exact(text);
        Integer cached = CACHE.get(text);
        if (cached != null) return cached;
        int n = exact(text);
        if (CACHE.size() >= CACHE_LIMIT) CACHE.clear();
        if (text.length() <= 1_000_000) CACHE.put(text, n);
        return n;
    }

    /**
     * Tokens of a JSON value in its compact form, counted where it was written (a buffer of the
     * thread's): every tool of a first scan comes here, and building a string of each one first was
     * a third of counting it.
     */
    public static int countJson(JsonNode value) {
        CharText json = JsonText.compactReused(value);
        return exact(json.chars(), json.length());
    }

    /**
     * The counts of each value of {@code values} when this very list was counted before (a rescan
     * of the same snapshot after a suppression or a setting changed), else null. One lookup per
     * list: a lookup per tool cost a rescan more than anything else it shared. Snapshot lists and
     * nodes are never modified once read, which is what makes the identity key safe.
     */
    public static int[] knownCounts(List<? extends JsonNode> values) {
        int[] known = BY_LIST.get(values);
        return known == null || known.length != values.size() ? null : known.clone();
    }

    /** Remembers {@code counts} (one per value, by {@link #countJson}) for {@link #knownCounts}. */
    public static void rememberCounts(List<? extends JsonNode> values, int[] counts) {
        BY_LIST.put(values, counts.clone());
    }

    private static final IdentityMemo<List<? extends JsonNode>, int[]> BY_LIST = new IdentityMemo<>(1_000);

    /** Counts without caching the text itself: for one-off texts such as payload nodes. */
    public static int countUncached(String text) {
        return text == null || text.isEmpty() ? 0 : exact(text);
    }

    // Pieces (see O200kPieces) are mostly words and JSON punctuation that recur endlessly, so each
    // distinct piece is encoded once, by the o200k_base merges alone (PieceEncoding): a piece is
    // one whole match of the pre-tokenizer, so it encodes exactly as it would inside the text.
    private static final ShortPieceCounts SHORT_PIECES = new ShortPieceCounts();
    private static final LongPieceCounts LONG_PIECES = new LongPieceCounts();
    /**
     * BPE time grows faster than a piece's length: one run of a million letters took a second, 16
     * million took 12. Real text never has pieces this long (a piece is one word, number group,
     * punctuation or whitespace run), so longer ones, which only hostile input has, are counted in
     * slices of this size: within a token per slice of the exact count, in linear time.
     */
    static final int LONGEST_EXACT_PIECE = 256;

    private static int exact(String text) {
        return exact(CharText.scratch(text), text.length());
    }

    /** Counts the text {@code chars[0, n)}. */
    private static int exact(char[] chars, int n) {
        int total = 0;
        for (int i = 0; i < n; ) {
            int end = O200kPieces.match(chars, n, i);
            total += piece(chars, i, end);
            i = end;
        }
        return total;
    }

    private static int piece(char[] text, int start, int end) {
        if (end - start == 1 && text[start] < 128) return 1; // every byte is a token of its own
        long key = ShortPieceCounts.key(text, start, end);
        if (key >= 0) {
            int known = SHORT_PIECES.get(key);
            if (known >= 0) return known;
            int n = PieceEncoding.count(new String(text, start, end - start));
            SHORT_PIECES.put(key, n);
            return n;
        }
        if (end - start <= LONGEST_EXACT_PIECE) return longPiece(text, start, end);
        int tokens = 0;
        for (int from = start; from < end; ) {
            int to = Math.min(end, from + LONGEST_EXACT_PIECE);
            if (to < end && Character.isHighSurrogate(text[to - 1])) to--;
            tokens += longPiece(text, from, to);
            from = to;
        }
        return tokens;
    }

    private static int longPiece(char[] text, int start, int end) {
        int hash = LongPieceCounts.hash(text, start, end);
        int known = LONG_PIECES.get(text, start, end, hash);
        if (known >= 0) return known;
        int n = PieceEncoding.count(new String(text, start, end - start));
        LONG_PIECES.put(text, start, end, hash, n);
        return n;
    }

    /** Forgets cached counts (benchmarks measure cold scans with it). */
    public static void clearCache() {
        CACHE.clear();
        BY_LIST.clear();
        SHORT_PIECES.clear();
        LONG_PIECES.clear();
    }
}
