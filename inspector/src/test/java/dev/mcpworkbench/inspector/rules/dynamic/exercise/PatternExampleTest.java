package dev.mcpworkbench.inspector.rules.dynamic.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PatternExampleTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "^[A-Z]{3}-\\d{4}$",
            "^(open|closed|all)$",
            "^T-[0-9]+$",
            "^[a-z0-9]+(?:-[a-z0-9]+)*$",
            "^https://github\\.com/[\\w.-]+/[\\w.-]+$",
            "^[^/\\\\]+$",
            "^\\S+@\\S+\\.\\S+$",
            "^#?[0-9a-fA-F]{6}$",
            "^(?=.*\\d)[a-z\\d]{8,}$",
            "^\\p{L}+$",
            "^[\\-_.a-z]{2,5}$",
            "\\.json$",
            "^v\\d+\\.\\d+\\.\\d+(-[a-z]+)?$",
            "^[A-Z]{2}\\d{2}[A-Z0-9]{1,30}$"})
    void buildsAValueThePatternAccepts(String regex) {
        assertThat(PatternExample.of(regex, 0, Integer.MAX_VALUE))
                .hasValueSatisfying(v -> assertThat(Pattern.compile(regex).matcher(v).find()).as(v).isTrue());
    }

    @Test
    void stretchesAnUnboundedRepeatToReachMinLength() {
        assertThat(PatternExample.of("^[a-z]+$", 12, 20)).hasValue("aaaaaaaaaaaa");
        assertThat(PatternExample.of("^id-[0-9]{1,10}$", 8, 13)).hasValueSatisfying(v -> assertThat(v).hasSizeBetween(8, 13).startsWith("id-"));
    }

    @Test
    void refusesWhatItCannotSatisfy() {
        assertThat(PatternExample.of("^(a)\\1$", 0, 10)).isEmpty();                // backreference
        assertThat(PatternExample.of("^[a-z]{20}$", 0, 5)).isEmpty();             // contradicts maxLength
        assertThat(PatternExample.of("[unclosed", 0, 10)).isEmpty();              // not a regex
        assertThat(PatternExample.of("^a{99999999}$", 0, Integer.MAX_VALUE)).isEmpty(); // hostile size
        assertThat(PatternExample.of("^(?!x)x$", 0, 10)).isEmpty();               // unsatisfiable
    }

    @Test
    void generatedArgumentsSatisfyPatterns() throws Exception {
        var schema = new ObjectMapper().readTree("""
                {"type":"object","required":["ticket","repo","url"],"properties":{
                  "ticket":{"type":"string","pattern":"^T-[0-9]{4}$"},
                  "repo":{"type":"string","pattern":"^[a-z]+/[a-z]+$","minLength":9},
                  "url":{"type":"string","format":"uri","pattern":"^https://"}}}""");
        var args = ArgumentGenerator.generate(schema);
        assertThat(args.get("ticket").asText()).matches("T-[0-9]{4}");
        assertThat(args.get("repo").asText()).matches("[a-z]+/[a-z]+").hasSizeGreaterThanOrEqualTo(9);
        assertThat(args.get("url").asText()).isEqualTo("https://example.com/");
    }
}
