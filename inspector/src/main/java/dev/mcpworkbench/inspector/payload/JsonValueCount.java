package dev.mcpworkbench.inspector.payload;

/**
 * How many values (the index's nodes) and how many of them containers a JSON text holds, counted
 * over its bytes before it is indexed: one value for the root, one per member (each {@code :}) and
 * one per array element. The index
 * sized its eight parallel arrays by a guess and grew them by half until they fit, then trimmed
 * them: for a 100 MB list of small objects about 600 MB of copies per parse (JFR), and old and new
 * arrays alive together at the peak. Sized by this count they are allocated once. Only a size: on
 * text that is not JSON the count is meaningless and the index still grows if it must.
 */
record JsonValueCount(int values, int containers) {

    static JsonValueCount of(byte[] data, int from, int to) {
        Counter c = new Counter();
        c.feed(data, from, to);
        return c.result();
    }

    /** The values of the JSON text held, escaped, in bytes {@code from..to} of a string literal's content. */
    static JsonValueCount ofEscaped(byte[] data, int from, int to) {
        Counter c = new Counter();
        byte[] chunk = new byte[64 * 1024];
        try (EscapedText.Stream in = new EscapedText.Stream(data, from, to)) {
            for (int n; (n = in.read(chunk, 0, chunk.length)) > 0; ) c.feed(chunk, 0, n);
        }
        return c.result();
    }

    /** The count's state between pieces of the text: a piece may end inside a string. */
    private static final class Counter {
        private long count = 1;
        private long containers;
        /** One bit per open container: set for an array (whose commas separate values). */
        private long[] arrays = new long[4];
        private int depth;
        private boolean afterArrayOpen;
        private boolean inString;
        private boolean escapeNext;

        void feed(byte[] data, int from, int to) {
            int i = from;
            while (i < to) {
                byte b = data[i++];
                if (inString) {
                    if (escapeNext) escapeNext = false;
                    else if (b == '\\') escapeNext = true;
                    else if (b == '"') inString = false;
                    continue;
                }
                if (b == ' ' || b == '\n' || b == '\r' || b == '\t') continue;
                if (afterArrayOpen) {
                    afterArrayOpen = false;
                    if (b != ']') count++;
                }
                switch (b) {
                    case '"' -> inString = true;
                    case ':' -> count++;
                    case ',' -> {
                        if (depth > 0 && (arrays[(depth - 1) >>> 6] & (1L << (depth - 1))) != 0) count++;
                    }
                    case '[', '{' -> {
                        containers++;
                        if (depth >>> 6 == arrays.length) arrays = java.util.Arrays.copyOf(arrays, arrays.length * 2);
                        if (b == '[') {
                            arrays[depth >>> 6] |= 1L << depth;
                            afterArrayOpen = true;
                        } else {
                            arrays[depth >>> 6] &= ~(1L << depth);
                        }
                        depth++;
                    }
                    case ']', '}' -> {
                        if (depth > 0) depth--;
                    }
                    default -> {
                    }
                }
            }
        }

        JsonValueCount result() {
            return new JsonValueCount((int) Math.min(count, Integer.MAX_VALUE - 8), (int) Math.min(containers, Integer.MAX_VALUE - 8));
        }
    }
}
