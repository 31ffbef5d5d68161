package dev.mcpworkbench.inspector.payload;

import java.util.Arrays;

/**
 * Where each value of an index starts, counted from the document's first byte, in a little over two
 * bytes a value instead of four: values are numbered in document order, so the starts of 32
 * consecutive values lie close together. Each run of 32 keeps its first start (4 bytes), each value
 * its distance from it (2 bytes). A value more than 64 KB past its run's first (a run holding long
 * literals) keeps its start aside, in a {@link SparseInts}. For 100 MB of small rows (8 million
 * values) the starts took 32 MB of heap and now take 17 MB.
 */
final class StartOffsets {

    /** Values per run: 32 values of up to 2 KB each fit their distances in two bytes. */
    static final int RUN_SHIFT = 5;
    private static final char FAR = Character.MAX_VALUE;

    private final int[] runStart;
    private final char[] distance;
    private final SparseInts far;

    private StartOffsets(int[] runStart, char[] distance, SparseInts far) {
        this.runStart = runStart;
        this.distance = distance;
        this.far = far;
    }

    int get(int node) {
        char d = distance[node];
        return d == FAR ? far.get(node) : runStart[node >>> RUN_SHIFT] + d;
    }

    /** Takes the starts in node order, as a streaming parse meets them. */
    static final class Builder {
        private int[] runStart;
        private char[] distance;
        private final SparseInts.Builder far = new SparseInts.Builder();
        private int count;

        Builder(int capacity) {
            distance = new char[capacity];
            runStart = new int[runs(capacity)];
        }

        /** The start of the next node. */
        void add(int offset) {
            if (count == distance.length) grow();
            int node = count++;
            int run = node >>> RUN_SHIFT;
            if ((node & ((1 << RUN_SHIFT) - 1)) == 0) runStart[run] = offset;
            int d = offset - runStart[run];
            if (d < FAR) {
                distance[node] = (char) d;
            } else {
                distance[node] = FAR;
                far.put(node, offset);
            }
        }

        /** The starts of the nodes added, in arrays no longer than they need (a small document keeps no big ones). */
        StartOffsets build() {
            if (distance.length - count >= 1024) {
                distance = Arrays.copyOf(distance, count);
                runStart = Arrays.copyOf(runStart, runs(count));
            }
            return new StartOffsets(runStart, distance, far.build());
        }

        private void grow() {
            int n = (int) Math.min(Integer.MAX_VALUE - 8, distance.length + (long) distance.length / 2 + 16);
            distance = Arrays.copyOf(distance, n);
            runStart = Arrays.copyOf(runStart, runs(n));
        }

        private static int runs(int values) {
            return (values + (1 << RUN_SHIFT) - 1) >>> RUN_SHIFT;
        }
    }
}
