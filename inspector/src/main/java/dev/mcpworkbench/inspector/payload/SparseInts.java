package dev.mcpworkbench.inspector.payload;

import java.util.Arrays;

/**
 * The few values of an index's node that do not fit its two-byte columns (a container of 64 KB or
 * more or with 65,535 tokens or more, a member name far from its value) or that it keeps for a long
 * scalar (its length, its estimated tokens: {@link JsonIndex#LONG_LITERAL}): node to int,
 * sorted by node, found by binary search. A map of boxed integers would do, at about 60 bytes an
 * entry; these are 8.
 */
final class SparseInts {

    static final SparseInts EMPTY = new SparseInts(new int[0], new int[0], 0);

    private final int[] keys;
    private final int[] values;
    private final int size;

    private SparseInts(int[] keys, int[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    /** The value put for {@code key}; the key must have one. */
    int get(int key) {
        int i = Arrays.binarySearch(keys, 0, size, key);
        if (i < 0) throw new IllegalStateException("no wide value for node " + key);
        return values[i];
    }

    int size() {
        return size;
    }

    /** Collects entries in any order (a container's size is known when it closes, after its children's). */
    static final class Builder {
        private int[] keys = new int[8];
        private int[] values = new int[8];
        private int size;
        private boolean sorted = true;

        void put(int key, int value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            if (size > 0 && keys[size - 1] >= key) sorted = false;
            keys[size] = key;
            values[size] = value;
            size++;
        }

        SparseInts build() {
            if (size == 0) return EMPTY;
            if (!sorted) sortByKey();
            return new SparseInts(Arrays.copyOf(keys, size), Arrays.copyOf(values, size), size);
        }

        /** Keys are node numbers (never negative): a key and its value packed in one long sort together. */
        private void sortByKey() {
            long[] pairs = new long[size];
            for (int i = 0; i < size; i++) pairs[i] = ((long) keys[i] << 32) | (values[i] & 0xFFFFFFFFL);
            Arrays.sort(pairs);
            for (int i = 0; i < size; i++) {
                keys[i] = (int) (pairs[i] >>> 32);
                values[i] = (int) pairs[i];
            }
        }
    }
}
