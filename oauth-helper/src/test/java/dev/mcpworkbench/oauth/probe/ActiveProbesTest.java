package dev.mcpworkbench.oauth.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The probe registry: one probe per rule, selectable by name or rule id, each documented. */
class ActiveProbesTest {

    @Test
    void eightProbesOnePerRuleEachWithANameATitleAndWhatItSends() {
        assertThat(ActiveProbes.all()).hasSize(8);
        assertThat(ActiveProbes.all()).extracting(ActiveProbe::ruleId).doesNotHaveDuplicates()
                .containsExactly("OAUTH-016", "OAUTH-017", "OAUTH-020", "OAUTH-021", "OAUTH-022", "OAUTH-023", "OAUTH-024", "OAUTH-028");
        assertThat(ActiveProbes.all()).extracting(ActiveProbe::name).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z-]+"));
        assertThat(ActiveProbes.all()).allSatisfy(p -> {
            assertThat(p.title()).isNotBlank();
            assertThat(p.description()).hasSizeGreaterThan(40);
        });
    }

    @Test
    void probesThatRegisterClientsOrBurnCodesSaySoBeforehand() {
        assertThat(ActiveProbes.select("registration").get(0).description()).containsIgnoringCase("registers clients");
        assertThat(ActiveProbes.select("code-reuse").get(0).description()).contains("burns");
        assertThat(ActiveProbes.select("pkce").get(0).description()).contains("burns");
        assertThat(ActiveProbes.select("refresh-rotation").get(0).description()).contains("uses up");
    }

    @Test
    void selectionByNameOrRuleIdInRegistryOrder() {
        assertThat(ActiveProbes.select("all")).hasSize(8);
        assertThat(ActiveProbes.select("OAUTH-024, pkce")).extracting(ActiveProbe::name).containsExactly("pkce", "code-reuse");
        assertThat(ActiveProbes.select("016,016")).extracting(ActiveProbe::name).containsExactly("pkce");
        assertThatThrownBy(() -> ActiveProbes.select("pkce,nope")).hasMessageContaining("unknown probe 'nope'")
                .hasMessageContaining("passthrough (OAUTH-028)");
        assertThatThrownBy(() -> ActiveProbes.select(" , ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyProbeIsDocumented() throws Exception {
        Path doc = Path.of(System.getProperty("workbench.root", "."), "docs", "authorization.md");
        String text = Files.readString(doc);
        assertThat(ActiveProbes.all()).allSatisfy(p -> assertThat(text).contains("| `" + p.name() + "` | " + p.ruleId() + " |"));
    }
}
