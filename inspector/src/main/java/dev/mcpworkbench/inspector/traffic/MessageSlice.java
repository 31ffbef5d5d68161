package dev.mcpworkbench.inspector.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * One JSON container's bytes in a received message, parsed once on first use into the children
 * collection a {@link LazyObjectNode} or {@link LazyArrayNode} stands on.
 *
 * <p>First use can come from any thread (the FX thread, a check's worker, an export): the parse
 * runs under this object's lock and its result is published through a volatile field, so every
 * thread sees one and the same collection.
 */
final class MessageSlice<C> {

    private final MessageTreeReader reader;
    private final byte[] bytes;
    private final int from;
    private final int to;
    /** Turns the parsed container into its children collection (copies references only). */
    private final Function<JsonNode, C> children;
    private volatile C read;

    /** The container from its opening bracket at {@code from} to {@code to} (exclusive), which the parser has validated. */
    MessageSlice(MessageTreeReader reader, byte[] bytes, int from, int to, Function<JsonNode, C> children) {
        this.reader = reader;
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        this.children = children;
    }

    boolean isRead() {
        return read != null;
    }

    C get() {
        C done = read;
        if (done != null) return done;
        synchronized (this) {
            if (read == null) {
                try {
                    read = children.apply(reader.read(bytes, from, to));
                } catch (IOException e) {
                    // the whole message went through the parser before this slice was kept: only a
                    // modified array could fail here, and nothing may modify the log's bytes
                    throw new UncheckedIOException("the message's bytes changed after they were read", e);
                }
            }
            return read;
        }
    }

    int size() {
        return to - from;
    }
}
