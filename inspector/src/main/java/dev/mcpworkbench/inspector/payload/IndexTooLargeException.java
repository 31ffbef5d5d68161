package dev.mcpworkbench.inspector.payload;

/**
 * The JSON is not indexed: its index would take more than {@link PayloadLimits#maxIndexBytes}.
 * A kind of {@link InvalidJsonException} so that every caller that falls back to showing the text
 * as it is does so here too; the payload parser words its note apart.
 */
public final class IndexTooLargeException extends InvalidJsonException {

    public IndexTooLargeException(long values, long indexBytes, long maxIndexBytes) {
        super(String.format("its %,d values would take %s to index, more than the %s allowed (a quarter of the memory the app may use)",
                values, ByteSizes.format(indexBytes), ByteSizes.format(maxIndexBytes)), -1, null);
    }
}
