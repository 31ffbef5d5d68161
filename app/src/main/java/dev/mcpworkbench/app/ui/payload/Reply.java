package dev.mcpworkbench.app.ui.payload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.payload.ResultMember;

/**
 * A result as a server answered it (a tool call, a resource read, a prompt get), and where it lies
 * in the bytes the server sent ({@code sentAs}, null when not known): the payload parse reads it
 * there instead of writing the tree out again.
 */
public record Reply(JsonNode result, ResultMember.Slice sentAs) {

    /** {@code result} as answered in {@code message} (the answer's bytes as received, or null). */
    public static Reply answered(JsonNode result, byte[] message) {
        return new Reply(result, ResultMember.of(message).orElse(null));
    }
}
