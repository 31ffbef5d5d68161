package dev.mcpworkbench.inspector.payload;

/** A message over the configured maximum size; it is refused before it is parsed. */
public final class PayloadTooLargeException extends Exception {
    public PayloadTooLargeException(long size, long max) {
        super("Message of " + ByteSizes.format(size) + " exceeds the maximum message size of "
                + ByteSizes.format(max) + " (setting payload.maxMessageBytes)");
    }
}
