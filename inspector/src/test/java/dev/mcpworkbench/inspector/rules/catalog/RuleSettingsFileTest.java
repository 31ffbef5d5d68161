package dev.mcpworkbench.inspector.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.rules.RuleSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's rule-settings.json is written in the form {@code scan --rule-settings} reads back. */
class RuleSettingsFileTest {

    @TempDir
    Path dir;

    @Test
    void savedValuesReadBackThroughTheCliReader() throws Exception {
        RuleSettingsFile file = RuleSettingsFile.in(dir);
        RuleSettings chosen = RuleSettings.defaults().with("SURFACE-001", "medium", 3).with("SURFACE-001", "high", 7.5);
        file.save(chosen);

        assertThat(file.file()).isEqualTo(dir.resolve("rule-settings.json"));
        assertThat(RuleSettingsInput.read(file.file()).overrides()).isEqualTo(chosen.overrides());
        assertThat(file.load().settings().overrides()).isEqualTo(chosen.overrides());
        assertThat(file.load().problem()).isEmpty();
    }

    @Test
    void noFileIsTheDefaultsWithoutAProblem() {
        RuleSettingsFile.Loaded loaded = RuleSettingsFile.in(dir).load();
        assertThat(loaded.settings().overrides()).isEmpty();
        assertThat(loaded.problem()).isEmpty();
    }

    @Test
    void anUnusableFileIsTheDefaultsWithTheReason() throws Exception {
        Files.writeString(dir.resolve("rule-settings.json"), "{\"SURFACE-001\": {\"mediun\": 3}}");
        RuleSettingsFile.Loaded loaded = RuleSettingsFile.in(dir).load();
        assertThat(loaded.settings().overrides()).isEmpty();
        assertThat(loaded.problem()).hasValueSatisfying(p -> assertThat(p).contains("mediun").contains("defaults"));

        Files.writeString(dir.resolve("rule-settings.json"), "{ broken");
        assertThat(RuleSettingsFile.in(dir).load().problem()).isPresent();
    }
}
