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

    /** Each rule with each of its fixtures of a kind: {@code positive}, and {@code positive-<case>} for a weakness class. */
    static Stream<org.junit.jupiter.params.provider.Arguments> fixtures(String kind) {
        return rules().flatMap(rule -> Stream.concat(Stream.of(kind), RuleFixtures.variants(rule.id(), kind).stream())
                .map(name -> org.junit.jupiter.params.provider.Arguments.of(rule, name)));
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> positives() {
        return fixtures("positive");
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> negatives() {
        return fixtures("negative");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("positives")
    void firesOnPositiveFixture(StaticRule rule, String fixture) throws IOException {
        RuleFixtures.Fixture f = RuleFixtures.load(rule.id(), fixture);
        List<Finding> findings = RuleFixtures.run(rule, f);
        assertThat(findings).as(rule.id() + " on its " + fixture + " fixture").isNotEmpty();
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

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("negatives")
    void silentOnNegativeFixture(StaticRule rule, String fixture) throws IOException {
        RuleFixtures.Fixture f = RuleFixtures.load(rule.id(), fixture);
        assertThat(RuleFixtures.run(rule, f)).as(rule.id() + " on its " + fixture + " fixture").isEmpty();
    }
}
