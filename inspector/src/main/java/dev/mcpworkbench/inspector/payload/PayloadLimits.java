package dev.mcpworkbench.inspector.payload;

/**
 * Bounds on what the payload analysis accepts and how hard it works.
 *
 * @param maxMessageBytes  messages larger than this are refused with a clear error (default 256 MB)
 * @param exactTokenBytes  payloads up to this size get exact o200k_base token counts per node;
 *                         larger ones get a fast per-string estimate (exact counts on demand)
 * @param maxDepth         nesting depth accepted; the index walks iteratively, so this only
 *                         guards against absurd inputs, not stack overflows
 * @param maxIndexBytes    JSON whose index would take more is not indexed (default: a quarter of
 *                         the heap the JVM may use). The index costs about as much as typical JSON,
 *                         but a server can send 256 MB of {@code [0,0,0,...]}: 134 million values,
 *                         896 MB of index, which would not fit a 2 GB heap
 */
public record PayloadLimits(long maxMessageBytes, long exactTokenBytes, int maxDepth, long maxIndexBytes) {

    public static final long DEFAULT_MAX_MESSAGE_BYTES = 256L * 1024 * 1024;
    /** Exact counting runs at about 100 MB/s of JSON, so up to here it adds well under a second. */
    public static final long DEFAULT_EXACT_TOKEN_BYTES = 32L * 1024 * 1024;

    public PayloadLimits {
        if (maxMessageBytes <= 0 || maxMessageBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxMessageBytes must be between 1 and 2 GB");
        }
    }

    public PayloadLimits(long maxMessageBytes, long exactTokenBytes, int maxDepth) {
        this(maxMessageBytes, exactTokenBytes, maxDepth, Runtime.getRuntime().maxMemory() / 4);
    }

    public static PayloadLimits defaults() {
        return new PayloadLimits(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_EXACT_TOKEN_BYTES, 1_000_000);
    }

    public PayloadLimits withMaxMessageBytes(long max) {
        return new PayloadLimits(max, exactTokenBytes, maxDepth, maxIndexBytes);
    }

    public PayloadLimits withExactTokenBytes(long bytes) {
        return new PayloadLimits(maxMessageBytes, bytes, maxDepth, maxIndexBytes);
    }

    public PayloadLimits withMaxIndexBytes(long bytes) {
        return new PayloadLimits(maxMessageBytes, exactTokenBytes, maxDepth, bytes);
    }
}
