package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Accuracy on real servers: the expected findings fire, and the full list stays free of findings
 * the server's author would call wrong (the exact set of rule ids per file is pinned, so a new
 * false positive fails the test and must be looked at).
 */
@Timeout(60)
class CorpusTest {

    static ScanResult scan(String file) throws IOException {
        try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus/" + file)) {
            ServerSnapshot snapshot = SnapshotJson.read(in, file);
            ScanResult result = StaticRules.scan(snapshot, ScanContext.defaults());
            System.out.println("== " + file + ": " + result.summary().oneLine() + ", tokens " + result.summary().toolListTokens());
            for (Finding f : result.findings()) {
                System.out.println("  " + f.severity() + " " + f.ruleId() + " " + f.location().display() + " :: " + f.message()
                        + " [" + f.evidence().replace("\n", " | ") + "]");
            }
            assertThat(result.errors()).isEmpty();
            return result;
        }
    }

    static Set<String> toolsWith(ScanResult r, String ruleId) {
        return r.findingsOf(ruleId).stream().map(f -> f.location().name()).collect(Collectors.toSet());
    }

    static Set<String> ruleIds(ScanResult r) {
        return r.findings().stream().map(Finding::ruleId).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Test
    void everything() throws IOException {
        ScanResult r = scan("everything.json");
        assertThat(toolsWith(r, "SCHEMA-002")).contains("echo", "get-sum", "get-annotated-message", "gzip-file-as-resource",
                "get-structured-content", "trigger-long-running-operation", "simulate-research-query");
        assertThat(toolsWith(r, "SCHEMA-002")).doesNotContain("get-env", "get-tiny-image");
        assertThat(r.findingsOf("SCHEMA-005")).extracting(f -> f.location().name()).containsExactly("gzip-file-as-resource");
        assertThat(r.findingsOf("SCHEMA-005").get(0).location().jsonPointer()).isEqualTo("/inputSchema/properties/data");
        assertNoPoisonAboveInfo(r);
        assertThat(toolsWith(r, "OUTPUT-001")).containsExactlyInAnyOrder("get-env", "get-sum");
        assertThat(r.findingsOf("SCHEMA-004")).isEmpty();
        assertThat(r.findingsOf("SCHEMA-008")).isEmpty();
        assertThat(r.findingsOf("DOCS-004")).isEmpty();
        assertThat(r.findingsOf("DOCS-006")).isEmpty();
    }

    @Test
    void filesystem() throws IOException {
        ScanResult r = scan("filesystem.json");
        assertThat(r.findingsOf("SURFACE-003")).hasSize(1);
        assertThat(r.findingsOf("SURFACE-004")).anySatisfy(f -> assertThat(f.message()).contains("filesystem write"));
        assertThat(toolsWith(r, "SCHEMA-001")).contains("read_text_file", "write_file", "move_file");
        assertThat(r.findingsOf("SCHEMA-005")).anySatisfy(f -> assertThat(f.location().jsonPointer()).isEqualTo("/inputSchema/properties/path"));
        assertThat(toolsWith(r, "SCHEMA-005")).contains("read_multiple_files", "write_file", "list_directory");
        assertThat(toolsWith(r, "SCHEMA-002")).contains("write_file", "edit_file");
        assertThat(r.findingsOf("DOCS-003")).isEmpty();
        assertThat(toolsWith(r, "OUTPUT-001")).containsExactlyInAnyOrder("list_directory", "list_directory_with_sizes",
                "search_files", "get_file_info", "list_allowed_directories");
        assertNoPoisonAboveInfo(r);
        assertThat(r.findingsOf("SCHEMA-004")).isEmpty();
        assertThat(r.findingsOf("DOCS-004")).isEmpty();
    }

    @Test
    void memory() throws IOException {
        ScanResult r = scan("memory.json");
        assertThat(r.findingsOf("SURFACE-003")).hasSize(1);
        assertThat(toolsWith(r, "SCHEMA-003")).contains("create_entities", "create_relations", "delete_entities", "open_nodes");
        assertThat(r.findingsOf("SCHEMA-004")).isEmpty();
        assertThat(r.findingsOf("SCHEMA-005")).isEmpty();
        assertThat(toolsWith(r, "DOCS-005")).containsExactlyInAnyOrder("delete_entities", "delete_observations", "delete_relations");
        assertNoPoisonAboveInfo(r);
    }

    @Test
    void seqthink() throws IOException {
        ScanResult r = scan("seqthink.json");
        assertThat(r.findingsOf("DOCS-001")).anySatisfy(f -> assertThat(f.message()).contains("long"));
        assertThat(r.findingsOf("SCHEMA-006")).isNotEmpty();
        assertThat(r.findingsOf("SCHEMA-006").get(0).evidence()).contains("nextThoughtNeeded");
        assertNoPoisonAboveInfo(r);
        assertThat(r.findingsOf("DOCS-006")).isEmpty();
    }

    static void assertNoPoisonAboveInfo(ScanResult r) {
        assertThat(r.findings()).filteredOn(f -> f.ruleId().startsWith("POISON"))
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void pinnedRuleSetsPerCorpusFile() throws IOException {
        // every rule id that fires on the corpus has been reviewed by hand; see docs/scanning.md
        assertThat(ruleIds(scan("everything.json"))).isEqualTo(Set.copyOf(List.of(EVERYTHING)));
        assertThat(ruleIds(scan("filesystem.json"))).isEqualTo(Set.copyOf(List.of(FILESYSTEM)));
        assertThat(ruleIds(scan("memory.json"))).isEqualTo(Set.copyOf(List.of(MEMORY)));
        assertThat(ruleIds(scan("seqthink.json"))).isEqualTo(Set.copyOf(List.of(SEQTHINK)));
    }

    static final String[] EVERYTHING = {"DOCS-001", "OUTPUT-001", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SCHEMA-005", "SURFACE-004"};
    static final String[] FILESYSTEM = {"DOCS-001", "OUTPUT-001", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SCHEMA-005", "SURFACE-003", "SURFACE-004"};
    static final String[] MEMORY = {"DOCS-001", "DOCS-005", "SCHEMA-001", "SCHEMA-002", "SCHEMA-003", "SURFACE-003"};
    static final String[] SEQTHINK = {"DOCS-001", "SCHEMA-001", "SCHEMA-002", "SCHEMA-006"};
}
