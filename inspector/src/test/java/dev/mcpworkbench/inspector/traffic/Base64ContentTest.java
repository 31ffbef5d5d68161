package dev.mcpworkbench.inspector.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Base64 data read as a stream, from a long text kept in the message's bytes or from a plain string. */
class Base64ContentTest {

    private static JsonNode longTextOf(String base64) throws IOException {
        // a message big enough for its long strings to stay in the bytes, as the transports read it
        String message = "{\"data\":\"" + base64 + "\"}";
        JsonNode tree = new MessageTreeReader(1024).read(message.getBytes(StandardCharsets.UTF_8));
        assertThat(tree.get("data")).isInstanceOf(LongTextNode.class);
        return tree.get("data");
    }

    @Test
    void aLongTextAndAStringDecodeToTheSameBytes() throws Exception {
        byte[] bytes = new byte[300_000];
        new Random(1).nextBytes(bytes);
        String base64 = Base64.getEncoder().encodeToString(bytes);
        try (InputStream in = Base64Content.decoded(longTextOf(base64))) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        try (InputStream in = Base64Content.decoded(new TextNode(base64))) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(Base64Content.head(longTextOf(base64), 100)).isEqualTo(java.util.Arrays.copyOf(bytes, 100));
    }

    @Test
    void urlSafeAndWrappedBase64AreRead() throws Exception {
        byte[] bytes = new byte[5_000];
        new Random(2).nextBytes(bytes);
        try (InputStream in = Base64Content.decoded(new TextNode(Base64.getUrlEncoder().encodeToString(bytes)))) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        try (InputStream in = Base64Content.decoded(new TextNode(Base64.getMimeEncoder().encodeToString(bytes)))) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void aCharacterPastAsciiFails() {
        assertThatThrownBy(() -> Base64Content.decoded(new TextNode("QUJD\u00e9")).readAllBytes())
                .isInstanceOf(IOException.class).hasMessageContaining("U+00E9");
    }
}
