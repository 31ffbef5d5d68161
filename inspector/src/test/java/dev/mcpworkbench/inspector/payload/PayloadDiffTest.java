package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadDiffTest {

    private static Payload parse(String s) throws Exception {
        return PayloadParser.defaults().parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void reportsChangesInsideJsonTextBlocksByPointer() throws Exception {
        Payload a = parse("{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"a\\\":1,\\\"b\\\":[1,2],\\\"gone\\\":true}\"}]}");
        Payload b = parse("{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"a\\\":2,\\\"b\\\":[1,2,3],\\\"new\\\":null}\"}]}");
        List<PayloadDiff.Change> changes = PayloadDiff.diff(a, b, 100);
        assertThat(changes).extracting(c -> c.kind() + " " + c.pointer()).containsExactlyInAnyOrder(
                "CHANGED /content/0/text/a", "ADDED /content/0/text/b/2", "REMOVED /content/0/text/gone", "ADDED /content/0/text/new");
        assertThat(PayloadDiff.diff(a, a, 100)).isEmpty();
    }

    /** The same rows in a text block under 1 MB (unescaped first) and over it (read in place): no change. */
    @Test
    void theSameJsonTextReadInPlaceOrUnescapedHasNoChange() throws Exception {
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) rows.append(i == 0 ? "" : ",").append("{\\\"id\\\":").append(i).append(",\\\"name\\\":\\\"row").append(i).append("\\\"}");
        rows.append(']');
        String small = "{\"content\":[{\"type\":\"text\",\"text\":\"" + rows + "\"}]}";
        String big = "{\"content\":[{\"type\":\"text\",\"text\":\"" + rows + " ".repeat(500_000) + "\"}]}";
        Payload a = parse(small);
        Payload b = parse(big);
        assertThat(a.blocks().get(0).json().embedded()).isFalse();
        assertThat(b.blocks().get(0).json().embedded()).isTrue();
        assertThat(PayloadDiff.diff(a, b, 20)).isEmpty();
    }
}
