package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TokenCounterTest {

    static Stream<Path> corpus() throws Exception {
        return Files.list(Path.of("src/test/resources/corpus")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void estimateStaysNearTheExactCountOnRealServerJson(Path file) throws Exception {
        String text = Files.readString(file);
        int exact = TokenCounter.exact(text);
        int estimate = TokenCounter.estimate(text);
        assertThat((double) estimate / exact).as("%s exact %d estimate %d", file, exact, estimate).isBetween(0.8, 1.2);
        String minified = new ObjectMapper().readTree(text).toString();
        int exactMin = TokenCounter.exact(minified);
        int estimateMin = TokenCounter.estimate(minified);
        assertThat((double) estimateMin / exactMin).as("minified %s exact %d estimate %d", file, exactMin, estimateMin).isBetween(0.8, 1.2);
    }

    /**
     * The index estimates each string from its UTF-8 bytes through one reused view: a long string
     * then shorter ones must each count as the text the view stands for (ASCII as itself, a lead
     * byte as one non-ASCII char, continuation bytes as a combining mark that counts nothing).
     */
    @Test
    void aReusedUtf8ViewCountsEachStringAsItsOwnText() {
        String[] texts = {"a long run of words, 12345678 digits and \\\"escapes\\\" café 中文 😀 " + "word ".repeat(40),
            "", "x", "ü", "😀😀", "  spaced   out  ", "short, then: punct!!", "1234567", "AKIAIOSFODNN7EXAMPLE é"};
        TokenCounter.Utf8Text view = new TokenCounter.Utf8Text();
        for (String t : texts) {
            byte[] utf8 = ("[\"" + t + "\"]").getBytes(StandardCharsets.UTF_8);
            int from = 2;
            int to = utf8.length - 2;
            StringBuilder seen = new StringBuilder();
            for (int i = from; i < to; i++) {
                int v = utf8[i] & 0xFF;
                seen.append(v < 0x80 ? (char) v : v >= 0xC0 ? '\u00E9' : '\u0301');
            }
            assertThat(TokenCounter.estimate(view.of(utf8, from, to))).as(t).isEqualTo(TokenCounter.estimate(seen))
                    .isEqualTo(TokenCounter.estimate(utf8, from, to));
        }
    }
}
