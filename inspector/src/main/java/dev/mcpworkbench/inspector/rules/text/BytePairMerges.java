package dev.mcpworkbench.inspector.rules.text;

/**
 * How many tokens byte-pair encoding leaves of one piece: the piece is one token if its bytes are
 * one; else, starting from single bytes, the adjacent pair whose merge has the lowest rank (the
 * leftmost on a tie) is merged until no adjacent pair is a token. Short pieces, nearly all of
 * them, scan their few pairs after each merge; longer ones keep the candidate pairs in a heap
 * ordered by rank then position, so a piece of n bytes takes about n log n steps instead of n
 * squared: 10.5 MB of random CJK text (hostile input, in slices of 256 characters, 768 bytes)
 * took three times as long to count by scanning. For short pieces the heap cost more than it saved.
 */
final class BytePairMerges {

    private BytePairMerges() {
    }

    /** Pieces up to this many bytes scan their pairs; longer ones use the heap. */
    static final int SCANNED_UP_TO = 32;

    static int count(PieceEncoding.Ranks ranks, byte[] bytes) {
        int n = bytes.length;
        if (n <= 1 || ranks.rank(bytes, 0, n) >= 0) return n == 0 ? 0 : 1;
        return n <= SCANNED_UP_TO ? scanned(ranks, bytes) : heaped(ranks, bytes);
    }

    private static int scanned(PieceEncoding.Ranks ranks, byte[] bytes) {
        int n = bytes.length;
        // parts [bound[i], bound[i + 1]); pair[i]: the rank of parts i and i + 1 merged, or -1
        int parts = n;
        int[] bound = new int[n + 1];
        for (int i = 0; i <= n; i++) bound[i] = i;
        int[] pair = new int[n];
        for (int i = 0; i + 1 < parts; i++) pair[i] = ranks.rank(bytes, i, i + 2);
        while (true) {
            int best = -1;
            for (int i = 0; i + 1 < parts; i++) {
                if (pair[i] >= 0 && (best < 0 || pair[i] < pair[best])) best = i;
            }
            if (best < 0) return parts;
            // parts best and best + 1 become one: drop the bound between them and their pair entry
            System.arraycopy(bound, best + 2, bound, best + 1, parts - best - 1);
            System.arraycopy(pair, best + 1, pair, best, parts - best - 2);
            parts--;
            pair[best] = best + 1 < parts ? ranks.rank(bytes, bound[best], bound[best + 2]) : -1;
            if (best > 0) pair[best - 1] = ranks.rank(bytes, bound[best - 1], bound[best + 1]);
        }
    }

    private static int heaped(PieceEncoding.Ranks ranks, byte[] bytes) {
        int n = bytes.length;
        // parts are linked by the byte where each starts; next[n] == n ends the list
        int[] next = new int[n + 1];
        int[] previous = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            next[i] = Math.min(i + 1, n);
            previous[i] = i - 1;
        }
        long[] heap = new long[2 * n + 2]; // each merge adds at most two candidates
        int size = 0;
        for (int i = 0; i + 1 < n; i++) size = push(heap, size, ranks.rank(bytes, i, i + 2), i);
        int parts = n;
        while (size > 0) {
            long top = heap[0];
            size = pop(heap, size);
            int rank = (int) (top >>> 32);
            int at = (int) top;
            // a candidate is stale when either part has merged since: its bytes, so its rank, differ
            if (previous[at] == -2 || next[at] >= n || ranks.rank(bytes, at, next[next[at]]) != rank) continue;
            int gone = next[at];
            next[at] = next[gone];
            previous[next[gone]] = at;
            previous[gone] = -2;
            parts--;
            if (next[at] < n) size = push(heap, size, ranks.rank(bytes, at, next[next[at]]), at);
            if (previous[at] >= 0) size = push(heap, size, ranks.rank(bytes, previous[at], next[at]), previous[at]);
        }
        return parts;
    }

    /** Adds the candidate merge at {@code at} when {@code rank} is a token's (not -1); returns the heap's size. */
    private static int push(long[] heap, int size, int rank, int at) {
        if (rank < 0) return size;
        long key = (long) rank << 32 | at;
        int k = size++;
        while (k > 0 && heap[(k - 1) >>> 1] > key) {
            heap[k] = heap[(k - 1) >>> 1];
            k = (k - 1) >>> 1;
        }
        heap[k] = key;
        return size;
    }

    /** Removes the smallest candidate; returns the heap's size. */
    private static int pop(long[] heap, int size) {
        long last = heap[--size];
        int k = 0;
        while (true) {
            int child = 2 * k + 1;
            if (child >= size) break;
            if (child + 1 < size && heap[child + 1] < heap[child]) child++;
            if (heap[child] >= last) break;
            heap[k] = heap[child];
            k = child;
        }
        heap[k] = last;
        return size;
    }
}
