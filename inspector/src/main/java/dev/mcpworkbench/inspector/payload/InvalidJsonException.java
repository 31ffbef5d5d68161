package dev.mcpworkbench.inspector.payload;

/**
 * The bytes are not JSON (or not valid UTF-8); says where, in words a user can act on. Also thrown,
 * as {@link IndexTooLargeException}, for JSON too dense to index: both are shown as they are.
 */
public sealed class InvalidJsonException extends Exception permits IndexTooLargeException {
    private final long byteOffset;

    public InvalidJsonException(String message, long byteOffset, Throwable cause) {
        super(message, cause);
        this.byteOffset = byteOffset;
    }

    public long byteOffset() {
        return byteOffset;
    }
}
