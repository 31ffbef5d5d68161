package dev.mcpworkbench.inspector.rules.text;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Token counts of the pieces {@link ShortPieceCounts} cannot hold (longer words, identifiers,
 * non-Latin-1 text), found by comparing characters in place: a map keyed on strings needed a
 * substring for every lookup, and those allocations were a fifth of counting a tool list. Entries
 * are immutable and published whole, so threads share the table without locks. When a piece's
 * probe run is full it is not remembered, and is encoded again the next time it comes.
 */
final class LongPieceCounts {

    private static final int SLOTS = 1 << 16;
    private static final int PROBES = 16;

    private record Entry(int hash, char[] piece, int count) {
        boolean is(int h, char[] text, int start, int end) {
            return hash == h && Arrays.equals(piece, 0, piece.length, text, start, end);
        }
    }

    private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);

    static int hash(char[] text, int start, int end) {
        int h = end - start;
        for (int i = start; i < end; i++) h = 31 * h + text[i];
        return h * 0x9E3779B9;
    }

    /** The count remembered for the piece {@code text[start, end)} of hash {@code hash}, or -1. */
    int get(char[] text, int start, int end, int hash) {
        int slot = hash >>> 16;
        for (int probe = 0; probe < PROBES; probe++) {
            Entry entry = slots.getAcquire((slot + probe) & (SLOTS - 1));
            if (entry == null) return -1;
            if (entry.is(hash, text, start, end)) return entry.count();
        }
        return -1;
    }

    void put(char[] text, int start, int end, int hash, int count) {
        Entry fresh = null;
        int slot = hash >>> 16;
        for (int probe = 0; probe < PROBES; probe++) {
            int at = (slot + probe) & (SLOTS - 1);
            Entry entry = slots.getAcquire(at);
            if (entry == null) {
                if (fresh == null) fresh = new Entry(hash, Arrays.copyOfRange(text, start, end), count);
                if (slots.compareAndExchangeRelease(at, null, fresh) == null) return;
                entry = slots.getAcquire(at); // another thread took the slot first: maybe with this very piece
            }
            if (entry.is(hash, text, start, end)) return;
        }
    }

    void clear() {
        for (int i = 0; i < SLOTS; i++) slots.setRelease(i, null);
    }
}
