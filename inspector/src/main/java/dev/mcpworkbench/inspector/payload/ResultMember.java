package dev.mcpworkbench.inspector.payload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * Where a JSON-RPC response's {@code result} member lies in the bytes the message arrived as, so
 * that the payload parse reads the result there, in place. Serializing the parsed tree again for
 * the parse cost a 100 MB result a second 100 MB array (and 300 MB of allocation), alive beside the
 * message's own bytes, which the traffic log keeps anyway.
 */
public final class ResultMember {

    /** The {@code length} bytes at {@code offset} of {@code bytes} (shared, never copied). */
    public record Slice(byte[] bytes, int offset, int length) {
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).maxDocumentLength(-1).build())
            .build();

    private ResultMember() {
    }

    /**
     * The result member of the response {@code message}, or empty when the bytes are not one JSON
     * object with a {@code result} member (a batch, a notification, bad JSON). Jackson skips the
     * strings' contents without decoding them.
     */
    public static Optional<Slice> of(byte[] message) {
        if (message == null) return Optional.empty();
        try (JsonParser p = FACTORY.createParser(message)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Optional.empty();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                boolean wanted = "result".equals(p.currentName());
                JsonToken value = p.nextToken();
                if (!wanted) {
                    p.skipChildren();
                    continue;
                }
                // a result is an object; anything else is small and not worth the slice
                if (value == null || !value.isStructStart()) return Optional.empty();
                long from = p.currentTokenLocation().getByteOffset();
                p.skipChildren();
                long to = p.currentLocation().getByteOffset();
                if (from < 0 || to <= from || to > message.length) return Optional.empty();
                return Optional.of(new Slice(message, (int) from, (int) (to - from)));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
