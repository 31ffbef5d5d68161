package dev.mcpworkbench.inspector.rules.text;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import dev.mcpworkbench.inspector.rules.dynamic.DynamicRuleRegistry;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WordsLeadsTest {

    @Test
    void leadsAreReadOnlyWhereTheyAreCertain() {
        assertThat(Leads.of("issues?", "fetch")).containsExactly("issue", "fetch");
        assertThat(Leads.of("(?:before|after|instead of) (?:using|calling) any tools?")).containsExactly("before", "after", "instead of");
        assertThat(Leads.of("prefer (?:this|these) tool")).containsExactly("prefer ");
        assertThat(Leads.of("mcp\\.json")).containsExactly("mcp");
        assertThat(Leads.of("fetch", "(?:always|must)? use")).as("an optional group leads nothing").isNull();
        assertThat(Leads.of("(?:the |a )?tool")).isNull();
        assertThat(Leads.of("[a-z]+ tool")).isNull();
        assertThat(Leads.of("a?b")).as("shorter than two characters").isNull();
        assertThat(Leads.of("(?:(?:a|b)c|d)")).as("nested groups").isNull();
    }

    @Test
    void matchingOnlyAtLeadsFindsWhatTheRegexFinds() throws Exception {
        // a scan initializes every rule's helper classes, which registers their patterns
        try (java.io.InputStream in = getClass().getResourceAsStream("/corpus/filesystem.json")) {
            StaticRules.scan(SnapshotJson.read(in, "filesystem"), ScanContext.defaults());
        }
        assertThat(DynamicRuleRegistry.standard()).isNotNull();
        Map<Pattern, String[]> checked = Words.leadChecked();
        assertThat(checked).hasSizeGreaterThan(8);
        List<String> texts = CorpusTexts.all();
        int matches = 0;
        for (String text : texts) {
            String norm = Texts.normalize(text);
            for (Pattern pattern : checked.keySet()) {
                java.util.regex.Matcher plain = pattern.matcher(norm);
                int[] expected = plain.find() ? new int[] {plain.start(), plain.end()} : null;
                if (expected != null) matches++;
                assertThat(Words.find(norm, pattern)).as("%s in %s", pattern, norm).isEqualTo(expected);
            }
        }
        assertThat(matches).as("the corpus and fixtures exercise the patterns").isGreaterThan(50);
    }
}
