package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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
}
