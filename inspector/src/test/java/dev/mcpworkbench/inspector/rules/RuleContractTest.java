package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.rules.catalog.AllRules;
import dev.mcpworkbench.inspector.rules.dynamic.DynamicRuleRegistry;
import dev.mcpworkbench.inspector.rules.oauth.FlowRule;
import dev.mcpworkbench.inspector.rules.oauth.OAuthRules;
import dev.mcpworkbench.inspector.rules.skills.SkillRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of the one catalog ({@link AllRules}: static, dynamic and OAUTH flow rules): every
 * rule has an id of the catalog's shape, complete metadata, a doc page with the required sections
 * where {@link RuleDocs} points, and (static rules) example fixtures; ids are unique.
 */
class RuleContractTest {

    private static final Pattern ID = Pattern.compile("^(SURFACE|SCHEMA|DOCS|POISON|OUTPUT|DRIFT|CONFIG|TRANSPORT|COMPAT|OAUTH)-\\d{3}$");

    static Stream<Rule> rules() {
        return AllRules.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void metadataIsComplete(Rule rule) {
        RuleMetadata m = rule.metadata();
        assertThat(m.id()).matches(ID);
        assertThat(m.id()).startsWith(m.category().name());
        assertThat(m.title()).isNotBlank();
        assertThat(m.defaultSeverity()).isNotNull();
        assertThat(m.rationale()).hasSizeGreaterThan(40);
        assertThat(m.owaspIds()).isNotEmpty().allMatch(o -> o.matches("MCP(0[1-9]|10)"));
        assertThat(m.dynamic()).isEqualTo(!(rule instanceof StaticRule));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void hasDocPage(Rule rule) throws IOException {
        assertThat(rule.metadata().docPath()).isEqualTo("docs/rules/" + rule.id() + ".md");
        // what reports and findings link to at run time is that same page under the docs base
        assertThat(RuleDocs.helpUri(rule.metadata())).isEqualTo(RuleDocs.base() + rule.metadata().docPath());
        assertThat(RuleDocs.links(rule.metadata())).first().isEqualTo(RuleDocs.helpUri(rule.metadata()));
        Path page = Path.of(System.getProperty("workbench.root", "..")).resolve(rule.metadata().docPath());
        assertThat(page).exists();
        String text = Files.readString(page);
        assertThat(text).startsWith("# " + rule.id());
        assertThat(text).contains("## Why it matters", "## Bad", "## Good", "## How to fix", "## References");
        for (String owasp : rule.metadata().owaspIds()) assertThat(text).contains(owasp);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void hasExampleFixtures(Rule rule) {
        if (!(rule instanceof StaticRule)) return; // dynamic rules keep their fixtures with their own tests
        assertThat(RuleFixtures.exists(rule.id(), "positive")).as("positive fixture").isTrue();
        assertThat(RuleFixtures.exists(rule.id(), "negative")).as("negative fixture").isTrue();
    }

    @Test
    void idsAreUniqueAndTheRegistryIsInCatalogOrder() {
        Set<String> ids = new HashSet<>();
        for (Rule r : AllRules.all()) assertThat(ids.add(r.id())).as("duplicate " + r.id()).isTrue();
        assertThat(StaticRules.all()).hasSize(31);
        assertThat(StaticRules.byId("SCHEMA-005")).isPresent();
        assertThat(AllRules.all()).hasSize(31 + DynamicRuleRegistry.standard().all().size() + SkillRules.all().size() + 28);
        assertThat(AllRules.all()).containsAll(StaticRules.all());
        for (int i = 1; i <= 28; i++) {
            String id = String.format("OAUTH-%03d", i);
            assertThat(AllRules.byId(id)).as(id).get().isInstanceOf(FlowRule.class);
        }
        assertThat(AllRules.byId("OUTPUT-004")).isPresent();
        assertThat(OAuthRules.all()).allMatch(r -> !r.fix().isBlank());
    }
}
