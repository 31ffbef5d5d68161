package dev.mcpworkbench.inspector.rules.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * o200k_base token counts (GPT-4o family), a fair proxy for what a tool list costs in context.
 * Counting is the costliest part of a scan, so counts of texts seen before (the same tool on a
 * rescan, the other servers of a workspace) come from a bounded cache.
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

    /** Tokens of a JSON value in its compact form; an equal value counted before hits the text cache. */
    public static int countJson(JsonNode value) {
        return count(JsonText.compact(value));
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
    private static final int PIECE_MEMO_LIMIT = 200_000;
    private static final Map<String, Integer> PIECES = new ConcurrentHashMap<>();
    private static final ShortPieceCounts SHORT_PIECES = new ShortPieceCounts();
    /**
     * BPE time grows faster than a piece's length: one run of a million letters took a second, 16
     * million took 12. Real text never has pieces this long (a piece is one word, number group,
     * punctuation or whitespace run), so longer ones, which only hostile input has, are counted in
     * slices of this size: within a token per slice of the exact count, in linear time.
     */
    static final int LONGEST_EXACT_PIECE = 256;

    private static int exact(String text) {
        int[] total = {0};
        O200kPieces.split(text, (start, end) -> total[0] += piece(text, start, end));
        return total[0];
    }

    private static int piece(String text, int start, int end) {
        if (end - start == 1 && text.charAt(start) < 128) return 1; // every byte is a token of its own
        long key = ShortPieceCounts.key(text, start, end);
        if (key >= 0) {
            int known = SHORT_PIECES.get(key);
            if (known >= 0) return known;
            int n = encoded(text.substring(start, end));
            SHORT_PIECES.put(key, n);
            return n;
        }
        if (end - start <= LONGEST_EXACT_PIECE) return encoded(text.substring(start, end));
        int tokens = 0;
        for (int from = start; from < end; ) {
            int to = Math.min(end, from + LONGEST_EXACT_PIECE);
            if (to < end && Character.isHighSurrogate(text.charAt(to - 1))) to--;
            tokens += encoded(text.substring(from, to));
            from = to;
        }
        return tokens;
    }

    private static int encoded(String piece) {
        Integer known = PIECES.get(piece);
        if (known != null) return known;
        int n = PieceEncoding.count(piece);
        if (PIECES.size() >= PIECE_MEMO_LIMIT) PIECES.clear();
        PIECES.put(piece, n);
        return n;
    }

    /** Forgets cached counts (benchmarks measure cold scans with it). */
    public static void clearCache() {
        CACHE.clear();
        BY_LIST.clear();
        PIECES.clear();
        SHORT_PIECES.clear();
    }
}
