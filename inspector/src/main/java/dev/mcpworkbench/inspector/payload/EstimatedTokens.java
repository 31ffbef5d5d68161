package dev.mcpworkbench.inspector.payload;

/**
 * The estimated tokens of a scalar and of a member name, as the index counts them when a document
 * is too big for exact counts ({@link PayloadLimits#exactTokenBytes}). The builder sums them into
 * the containers; the index computes a scalar's again from its bytes when asked (it keeps no count
 * per scalar), so both must use these and only these.
 */
final class EstimatedTokens {

    private EstimatedTokens() {
    }

    /**
     * A string value's tokens: one for its quotes and its content's estimate, read as sent (an
     * embedded document's escapes count as the characters they are written with).
     */
    static int ofString(TokenCounter.Utf8Text view, byte[] data, int contentFrom, int closingQuote) {
        return 1 + TokenCounter.estimate(view.of(data, contentFrom, closingQuote));
    }

    /** Any other scalar's: a number, true, false or null. */
    static int ofOtherScalar() {
        return 1;
    }

    /** A member name's tokens, {@code name} decoded, or its spelling read in place when that is plain ASCII (the same characters). */
    static int ofKey(CharSequence name) {
        return 1 + TokenCounter.estimate(name);
    }
}
