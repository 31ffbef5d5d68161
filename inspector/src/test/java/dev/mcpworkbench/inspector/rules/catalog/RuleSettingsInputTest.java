package dev.mcpworkbench.inspector.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.RuleSetting;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.Scanner;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSettingsInputTest {

    @Test
    void assignmentsAndFilesSetDeclaredThresholds(@TempDir Path dir) throws Exception {
        RuleSettings one = RuleSettingsInput.assign(RuleSettings.defaults(), "SURFACE-001.medium=30");
        assertThat(one.overrides()).containsEntry("SURFACE-001.medium", 30.0);

        Path json = dir.resolve("settings.json");
        Files.writeString(json, "{\"SURFACE-001\": {\"medium\": 12, \"high\": 13}, \"OUTPUT-004.minEntropy\": 4.2}");
        assertThat(RuleSettingsInput.read(json).overrides()).containsEntry("SURFACE-001.medium", 12.0)
                .containsEntry("SURFACE-001.high", 13.0).containsEntry("OUTPUT-004.minEntropy", 4.2);

        Path props = dir.resolve("settings.properties");
        Files.writeString(props, "# tighter for CI\nDOCS-001.minChars=40\nTRANSPORT-003.minBits = 120\n");
        assertThat(RuleSettingsInput.read(props).overrides()).containsEntry("DOCS-001.minChars", 40.0)
                .containsEntry("TRANSPORT-003.minBits", 120.0);
    }

    @Test
    void unknownRulesKeysAndValuesAreOneLineErrorsNamingTheValidKeys() {
        assertThatThrownBy(() -> RuleSettingsInput.assign(RuleSettings.defaults(), "SURFACE-001.mediun=3"))
                .hasMessage("unknown rule setting 'SURFACE-001.mediun'; valid keys for SURFACE-001: SURFACE-001.medium, SURFACE-001.high");
        assertThatThrownBy(() -> RuleSettingsInput.assign(RuleSettings.defaults(), "NOPE-001.x=3"))
                .hasMessageStartingWith("unknown rule setting 'NOPE-001.x': no rule 'NOPE-001'; rules with settings: SURFACE-001, ")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> RuleSettingsInput.assign(RuleSettings.defaults(), "SCHEMA-002.x=3"))
                .hasMessageContaining("SCHEMA-002 has no settings");
        assertThatThrownBy(() -> RuleSettingsInput.assign(RuleSettings.defaults(), "SURFACE-001.medium=many"))
                .hasMessageContaining("takes a number");
        assertThatThrownBy(() -> RuleSettingsInput.assign(RuleSettings.defaults(), "POISON-002.base64MinLength=8"))
                .hasMessageContaining("at least 40");
        assertThatThrownBy(() -> RuleSettingsInput.assign(RuleSettings.defaults(), "SURFACE-001.medium"))
                .hasMessageContaining("ID.key=value");
    }

    /** Every threshold RULES.md names is a declared setting, and keys are unique per rule. */
    @Test
    void theCatalogsThresholdsAreDeclared() {
        for (String key : new String[] {"SURFACE-001.medium", "SURFACE-001.high", "SURFACE-002.medium", "SURFACE-002.high",
                "SURFACE-002.workspace", "SURFACE-003.minTools", "SURFACE-004.highClasses", "SURFACE-005.maxVerbs",
                "SCHEMA-006.mediumParams", "SCHEMA-006.infoParams", "DOCS-001.minChars", "DOCS-001.minWords",
                "DOCS-001.maxChars", "DOCS-001.maxTokens", "DOCS-002.shadowDistance", "POISON-002.highKinds",
                "POISON-002.base64MinLength", "POISON-002.hexMinLength", "POISON-004.window", "OUTPUT-003.mediumTokens",
                "OUTPUT-003.highTokens", "OUTPUT-003.highChars", "OUTPUT-004.minEntropy", "OUTPUT-007.maxItems",
                "OUTPUT-007.maxKeys", "OUTPUT-007.maxUrlFields", "TRANSPORT-003.minBits"}) {
            assertThat(RuleSettingsInput.known()).as(key).anyMatch(k -> k.startsWith(key + " "));
        }
        for (Rule r : AllRules.all()) {
            Set<String> names = new HashSet<>();
            for (RuleSetting s : r.settings()) assertThat(names.add(s.name())).as(r.id() + "." + s.name()).isTrue();
        }
    }

    @Test
    void aSettingChangesWhatARuleReports() throws Exception {
        ServerSnapshot memory;
        try (InputStream in = getClass().getResourceAsStream("/corpus/memory.json")) {
            memory = SnapshotJson.read(in, "memory.json");
        }
        ScanContext lowered = ScanContext.defaults().withSettings(RuleSettingsInput.assign(RuleSettings.defaults(), "SURFACE-001.medium=5"));
        assertThat(Scanner.scan(memory, ScanContext.defaults(), StaticRules.all()).findingsOf("SURFACE-001")).isEmpty();
        ScanResult r = Scanner.scan(memory, lowered, StaticRules.all());
        assertThat(r.findingsOf("SURFACE-001")).singleElement().satisfies(f -> assertThat(f.message()).contains("threshold 5"));
    }
}
