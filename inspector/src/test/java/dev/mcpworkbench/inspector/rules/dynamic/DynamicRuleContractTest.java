package dev.mcpworkbench.inspector.rules.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every registered dynamic rule has unique metadata, is marked dynamic and has its doc page. */
class DynamicRuleContractTest {

    @Test
    void everyRuleIsDocumentedAndUnique() {
        Path root = Path.of(System.getProperty("workbench.root", ".."));
        Set<String> ids = new HashSet<>();
        for (Rule r : DynamicRuleRegistry.standard().all()) {
            assertThat(ids.add(r.id())).as("duplicate id %s", r.id()).isTrue();
            assertThat(r.metadata().dynamic()).as(r.id()).isTrue();
            assertThat(r.metadata().owaspIds()).as(r.id()).isNotEmpty();
            Path doc = root.resolve(r.metadata().docPath());
            assertThat(doc).as("doc page of %s", r.id()).exists();
            assertThat(readUnchecked(doc)).contains(r.id()).contains("## How to fix");
        }
        assertThat(ids).containsExactlyInAnyOrder("OUTPUT-002", "OUTPUT-003", "OUTPUT-004", "OUTPUT-005", "OUTPUT-006",
                "OUTPUT-007", "POISON-007", "SCHEMA-007", "DRIFT-002", "TRANSPORT-002", "TRANSPORT-003");
    }

    private static String readUnchecked(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
