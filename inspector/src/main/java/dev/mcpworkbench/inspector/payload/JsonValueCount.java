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
        long count = 1;
        long containers = 0;
        // one bit per open container: set for an array (whose commas separate values)
        long[] arrays = new long[4];
        int depth = 0;
        boolean afterArrayOpen = false;
        int i = from;
        while (i < to) {
            byte b = data[i++];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') continue;
            if (afterArrayOpen) {
                afterArrayOpen = false;
                if (b != ']') count++;
            }
            switch (b) {
                case '"' -> {
                    while (i < to && data[i] != '"') i += data[i] == '\\' ? 2 : 1;
                    i++;
                }
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
        return new JsonValueCount((int) Math.min(count, Integer.MAX_VALUE - 8), (int) Math.min(containers, Integer.MAX_VALUE - 8));
    }
}
