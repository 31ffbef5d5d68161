package dev.mcpworkbench.inspector.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The size of a message is counted without encoding it, and must equal the encoded length. */
class TrafficEntrySizeTest {

    @Test
    void theCountedSizeIsTheUtf8Length() {
        for (String s : new String[] {"", "{\"a\":1}", "café", "€100", "日本語", "emoji 😀 and 𝄞", "lone \uD800 high", "lone \uDC00 low",
                "end high \uD83D", "\u007F\u0080\u07FF\u0800\uFFFF"}) {
            assertThat(TrafficEntry.utf8Size(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
