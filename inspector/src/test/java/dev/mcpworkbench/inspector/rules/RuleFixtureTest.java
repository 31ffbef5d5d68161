package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every static rule fires on its positive fixture (with the expected severity and place) and stays silent on its negative one. */
@Timeout(30)
class RuleFixtureTest {

    static Stream<StaticRule> rules() {
        return StaticRules.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void firesOnPositiveFixture(StaticRule rule) throws IOException {
        RuleFixtures.Fixture f = RuleFixtures.load(rule.id(), "positive");
        List<Finding> findings = RuleFixtures.run(rule, f);
        assertThat(findings).as(rule.id() + " on its positive fixture").isNotEmpty();
        assertThat(findings).allSatisfy(x -> assertThat(x.ruleId()).isEqualTo(rule.id()));
        JsonNode expect = f.expect();
        if (expect.has("severity")) {
            assertThat(findings).extracting(Finding::severity).contains(Severity.valueOf(expect.get("severity").asText()));
        }
        if (expect.has("pointer")) {
            assertThat(findings).extracting(x -> x.location().jsonPointer()).contains(expect.get("pointer").asText());
        }
        if (expect.has("name")) {
            assertThat(findings).extracting(x -> x.location().name()).contains(expect.get("name").asText());
        }
        assertThat(findings).allSatisfy(x -> {
            assertThat(x.message()).isNotBlank();
            assertThat(x.fix()).isNotBlank();
            assertThat(x.links()).isNotEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void silentOnNegativeFixture(StaticRule rule) throws IOException {
        RuleFixtures.Fixture f = RuleFixtures.load(rule.id(), "negative");
        assertThat(RuleFixtures.run(rule, f)).as(rule.id() + " on its negative fixture").isEmpty();
    }
}
