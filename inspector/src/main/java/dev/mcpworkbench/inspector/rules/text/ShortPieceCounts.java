package dev.mcpworkbench.inspector.rules.text;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Token counts of short Latin-1 pieces (up to seven characters: most words, numbers and JSON
 * punctuation), found without building a string. A piece, its length and its count fit in one
 * long, so a slot is written and read whole and threads can share the table without locks: a
 * reader sees an empty slot or a complete entry, never half of one. Looking pieces up as
 * substrings in a map (allocate, hash, compare) cost as much as splitting the text.
 */
final class ShortPieceCounts {

    static final int MAX_LENGTH = 7;
    private static final int SLOTS = 1 << 15;
    private static final int PROBES = 8;
    private static final int COUNT_BITS = 4; // a piece of seven Latin-1 characters has at most 14 UTF-8 bytes, 14 tokens

    private final AtomicLongArray slots = new AtomicLongArray(SLOTS);

    /** The piece [start, end) as a key: its length above its characters, 8 bits each; -1 when it does not fit. */
    static long key(char[] text, int start, int end) {
        int length = end - start;
        if (length > MAX_LENGTH) return -1;
        long key = length;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c > 0xFF) return -1;
            key = key << 8 | c;
        }
        return key;
    }

    /** The count remembered for {@code key}, or -1. */
    int get(long key) {
        int slot = slot(key);
        for (int probe = 0; probe < PROBES; probe++) {
            long entry = slots.getOpaque((slot + probe) & (SLOTS - 1));
            if (entry == 0) return -1;
            if (entry >>> COUNT_BITS == key) return (int) (entry & ((1 << COUNT_BITS) - 1));
        }
        return -1;
    }

    /** Remembers a count; when the piece's probe run is full, it is simply not remembered. */
    void put(long key, int count) {
        long entry = key << COUNT_BITS | count;
        int slot = slot(key);
        for (int probe = 0; probe < PROBES; probe++) {
            int at = (slot + probe) & (SLOTS - 1);
            long current = slots.getOpaque(at);
            if (current == entry) return;
            if (current == 0 && slots.compareAndSet(at, 0, entry)) return;
        }
    }

    void clear() {
        for (int i = 0; i < SLOTS; i++) slots.setOpaque(i, 0);
    }

    private static int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - 15));
    }
}
