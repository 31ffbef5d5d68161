package dev.mcpworkbench.inspector.payload;

/** The bytes are not JSON (or not valid UTF-8); says where, in words a user can act on. */
public final class InvalidJsonException extends Exception {
    private final long byteOffset;

    public InvalidJsonException(String message, long byteOffset, Throwable cause) {
        super(message, cause);
        this.byteOffset = byteOffset;
    }

    public long byteOffset() {
        return byteOffset;
    }
}
