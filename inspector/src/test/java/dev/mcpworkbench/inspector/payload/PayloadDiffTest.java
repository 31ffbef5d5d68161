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
}
