package dev.mcpworkbench.inspector.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A captured message kept as its bytes: sized, cut and searched without a decoded copy, and right. */
class RawMessageTest {

    @Test
    void theSizeIsTheUtf8LengthAndTheTextComesBackWhole() {
        for (String s : new String[] {"", "{\"a\":1}", "café", "€100", "日本語", "emoji 😀 and 𝄞", "\u007F\u0080\u07FF\u0800\uFFFF"}) {
            RawMessage raw = RawMessage.of(s);
            assertThat(raw.sizeBytes()).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
            assertThat(raw.text()).isEqualTo(s);
        }
    }

    @Test
    void aHeadNeverCutsACharacterInTwo() {
        RawMessage raw = RawMessage.of("ab€😀cd");
        for (int max = 0; max <= raw.sizeBytes() + 1; max++) {
            String head = raw.head(max);
            assertThat("ab€😀cd").startsWith(head);
            assertThat(head.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(max);
            assertThat(head).doesNotContain("\uFFFD");
        }
        assertThat(raw.longerThan(raw.sizeBytes())).isFalse();
        assertThat(raw.longerThan(raw.sizeBytes() - 1)).isTrue();
    }

    @Test
    void searchIgnoresCaseOverTheBytes() {
        RawMessage raw = RawMessage.of("{\"note\":\"Café NEEDLE au lait\",\"n\":\"ÉTÉ\"}");
        assertThat(raw.containsIgnoreCase("needle")).isTrue();
        assertThat(raw.containsIgnoreCase("café needle")).isTrue();
        assertThat(raw.containsIgnoreCase("été")).isTrue();
        assertThat(raw.containsIgnoreCase("")).isTrue();
        assertThat(raw.containsIgnoreCase("haystack")).isFalse();
        assertThat(RawMessage.of("ab").containsIgnoreCase("abc")).isFalse();
        assertThat(RawMessage.of("x").containsIgnoreCase("X")).isTrue();
    }

    @Test
    void theLogKeepsTheArrayItWasGiven() {
        TrafficLog log = new TrafficLog();
        byte[] bytes = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}".getBytes(StandardCharsets.UTF_8);
        TrafficEntry e = log.recordMessage(Direction.SERVER_TO_CLIENT, bytes, null, null);
        assertThat(e.raw().utf8()).isSameAs(bytes);
        assertThat(e.kind()).isEqualTo(EntryKind.RESPONSE);
        assertThat(e.id()).isEqualTo("1");
        assertThat(e.sizeBytes()).isEqualTo(bytes.length);
    }
}
