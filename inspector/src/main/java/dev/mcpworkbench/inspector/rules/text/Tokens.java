package dev.mcpworkbench.inspector.rules.text;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.fasterxml.jackson.databind.JsonNode;
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

    // Loading the encoding takes a moment: once per JVM, on first use.
    private static final class Holder {
        static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
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
     * Tokens of a JSON value in its compact form. A value already counted (the same node object:
     * a rescan of the same snapshot after a suppression or a setting changed) is answered without
     * serializing it again; an equal value from a fresh read of the server hits the text cache.
     * Snapshot nodes are never modified once read, which is what makes the identity key safe.
     */
    public static int countJson(JsonNode value) {
        Integer known = BY_NODE.get(value);
        if (known != null) return known;
        int n = count(JsonText.compact(value));
        BY_NODE.put(value, n);
        return n;
    }

    private static final IdentityMemo<JsonNode, Integer> BY_NODE = new IdentityMemo<>(CACHE_LIMIT);

    /** Counts without caching the text itself: for one-off texts such as payload nodes. */
    public static int countUncached(String text) {
        return text == null || text.isEmpty() ? 0 : exact(text);
    }

    // Pieces (see O200kPieces) are mostly words and JSON punctuation that recur endlessly, so each
    // distinct piece is encoded once; jtokkit encodes a single piece exactly as it would inside
    // the whole text, since its pre-tokenizer matches the piece whole.
    private static final int PIECE_MEMO_LIMIT = 200_000;
    private static final Map<String, Integer> PIECES = new ConcurrentHashMap<>();
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
        int n = Holder.O200K.countTokensOrdinary(piece);
        if (PIECES.size() >= PIECE_MEMO_LIMIT) PIECES.clear();
        PIECES.put(piece, n);
        return n;
    }

    /** Forgets cached counts (benchmarks measure cold scans with it). */
    public static void clearCache() {
        CACHE.clear();
        BY_NODE.clear();
        PIECES.clear();
    }
}
