package dev.mcpworkbench.inspector.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficExportTest {

    @Test
    void exportMasksSecretsUnlessRevealed() {
        TrafficLog log = new TrafficLog();
        HttpInfo http = new HttpInfo("POST", "https://h.test/mcp", Map.of("Authorization", List.of("Bearer abcdefgh12345")), 0, Map.of());
        log.recordMessage(Direction.CLIENT_TO_SERVER, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"arguments\":{\"password\":\"hunter2\"}}}", null, http);
        log.recordMessage(Direction.SERVER_TO_CLIENT, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}", null, null);

        ObjectNode masked = TrafficExport.toJson(log.entries(), SecretMasker.MASKING);
        String text = masked.toString();
        assertThat(text).doesNotContain("hunter2").doesNotContain("abcdefgh12345").contains(SecretMasker.MASK);
        assertThat(masked.path("entries").get(1).path("requestSeq").asLong()).isEqualTo(1);
        assertThat(masked.path("entries").get(1).has("latencyMillis")).isTrue();

        String revealed = TrafficExport.toJson(log.entries(), SecretMasker.REVEALING).toString();
        assertThat(revealed).contains("hunter2").contains("abcdefgh12345");
    }

    @Test
    void anExportWithALoneSurrogateAndEveryKnownSecretIsWrittenMasked(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        TrafficLog log = new TrafficLog();
        String hostile = dev.mcpworkbench.inspector.report.SecretsNeverInReportsTestAccess.hostileText();
        log.recordMessage(Direction.SERVER_TO_CLIENT, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-1,\"message\":"
                + com.fasterxml.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(hostile) + "}} \uD800", null, null);
        java.nio.file.Path file = dir.resolve("traffic.json");
        TrafficExport.write(log.entries(), SecretMasker.MASKING, file);
        String written = java.nio.file.Files.readString(file);
        assertThat(written).contains("<U+D800>");
        for (String secret : dev.mcpworkbench.inspector.report.SecretsNeverInReportsTestAccess.secrets()) {
            assertThat(written).doesNotContain(secret.substring(secret.length() - 12));
        }
    }
}
