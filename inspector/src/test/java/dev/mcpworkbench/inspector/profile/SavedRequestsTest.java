package dev.mcpworkbench.inspector.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** A saved request keeps its last result only when it is small; the size is learnt without writing a big one whole. */
class SavedRequestsTest {

    private static JsonNode resultOfChars(int textChars) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.putArray("content").addObject().put("type", "text").put("text", "x".repeat(textChars));
        return result;
    }

    @Test
    void aResultUpToTheLimitIsKeptALargerOneIsNot() {
        SavedRequests.Request request = new SavedRequests.Request("r", "t", null, null);
        JsonNode small = resultOfChars(1000);
        assertThat(request.withLastResult(small).lastResult()).isSameAs(small);
        assertThat(request.withLastResult(resultOfChars(SavedRequests.MAX_KEPT_RESULT)).lastResult()).isNull();
        assertThat(request.withLastResult(null).lastResult()).isNull();
    }

    @Test
    void aHugeResultIsToldTooBigAfterTheLimitNotAfterWritingItWhole() {
        // writes 2.6 billion characters: more than any String can hold
        JsonNode endless = new com.fasterxml.jackson.databind.node.POJONode(new com.fasterxml.jackson.databind.JsonSerializable.Base() {
            @Override
            public void serialize(com.fasterxml.jackson.core.JsonGenerator g, com.fasterxml.jackson.databind.SerializerProvider p)
                    throws java.io.IOException {
                char[] chunk = "x".repeat(65_536).toCharArray();
                g.writeStartArray();
                for (int i = 0; i < 40_000; i++) g.writeString(chunk, 0, chunk.length);
                g.writeEndArray();
            }

            @Override
            public void serializeWithType(com.fasterxml.jackson.core.JsonGenerator g, com.fasterxml.jackson.databind.SerializerProvider p,
                                          com.fasterxml.jackson.databind.jsontype.TypeSerializer t) throws java.io.IOException {
                serialize(g, p);
            }
        });
        assertThat(new SavedRequests.Request("r", "t", null, null).withLastResult(endless).lastResult()).isNull();
    }

    @Test
    void aBigStructuredContentStillInTheBytesIsToldTooBigWithoutReadingIt() {
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; rows.length() < 2_000_000; i++) rows.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append('}');
        String message = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[],\"structuredContent\":{\"rows\":"
                + rows + "]}}}";
        JsonNode result = dev.mcpworkbench.inspector.traffic.JsonRpcText.parseOrNull(
                message.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get("result");
        var lazy = (dev.mcpworkbench.inspector.traffic.LazyContainer) result.get("structuredContent");
        assertThat(new SavedRequests.Request("r", "t", null, null).withLastResult(result).lastResult()).isNull();
        assertThat(lazy.isRead()).isFalse();
    }

    @Test
    void theLimitIsTheWrittenJsonsLength() {
        JsonNode node = resultOfChars(100);
        int length = node.toString().length();
        assertThat(SavedRequests.writtenWithin(node, length)).isTrue();
        assertThat(SavedRequests.writtenWithin(node, length - 1)).isFalse();
    }
}
