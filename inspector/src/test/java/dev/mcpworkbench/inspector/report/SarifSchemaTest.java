package dev.mcpworkbench.inspector.report;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SARIF output is valid against the official SARIF 2.1.0 schema, and meets the extra demands
 * of GitHub code scanning's ingestion (a result without a physical artifact location makes GitHub
 * reject the whole file).
 */
@Timeout(60)
class SarifSchemaTest {

    private static Schema sarifSchema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            JsonNode schema = SarifReport.MAPPER.readTree(in);
            sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
        }
    }

    private static JsonNode sarifOf(ScanResult result) throws Exception {
        return SarifReport.MAPPER.readTree(Reports.render(result, ReportFormat.SARIF, "0.1.0"));
    }

    private static ScanResult scanCorpus(String file) throws Exception {
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/corpus/" + file)) {
            return StaticRules.scan(SnapshotJson.read(in, file), ScanContext.defaults());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"everything.json", "filesystem.json", "memory.json", "seqthink.json"})
    void realServersGiveSchemaValidSarif(String corpusFile) throws Exception {
        JsonNode sarif = sarifOf(scanCorpus(corpusFile));
        assertThat(sarifSchema.validate(sarif)).extracting(Error::getMessage).isEmpty();
        assertGitHubCanIngest(sarif);
    }

    @Test
    @Timeout(180) // about 10,000 results validated against the schema: 30-40 s on a busy 2-core machine
    void theWideCorpusAsOneWorkspaceGivesSchemaValidSarif() throws Exception {
        // 66 real servers in one report, findings named server/tool, as scan --snapshot DIR and --config FILE... write it
        java.util.List<dev.mcpworkbench.inspector.snapshot.ServerSnapshot> servers = new java.util.ArrayList<>();
        java.nio.file.Path dir = java.nio.file.Path.of(SarifSchemaTest.class.getResource("/corpus-wide").toURI());
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                servers.add(SnapshotJson.read(file));
            }
        }
        ScanResult workspace = ScanResult.combine(servers.size() + " servers", dev.mcpworkbench.inspector.rules.catalog.WorkspaceScan.scan(
                servers, java.util.Collections.nCopies(servers.size(), ScanContext.defaults())));
        JsonNode sarif = SarifReport.MAPPER.readTree(Reports.render(workspace, ReportFormat.SARIF, "0.1.0",
                SarifArtifact.placeholder(workspace.summary().serverName())));
        assertThat(servers).hasSizeGreaterThanOrEqualTo(60);
        assertThat(sarifSchema.validate(sarif)).extracting(Error::getMessage).isEmpty();
        assertGitHubCanIngest(sarif);
    }

    @Test
    void suppressionsAndHostileTextStayValid() throws Exception {
        for (ScanResult r : List.of(ReportTest.filesystemWithOneSuppressed(), ReportTest.poisoned())) {
            JsonNode sarif = sarifOf(r);
            assertThat(sarifSchema.validate(sarif)).extracting(Error::getMessage).isEmpty();
            assertGitHubCanIngest(sarif);
        }
    }

    @Test
    void resultsPointAtTheLineOfTheirToolInTheSnapshotFile() throws Exception {
        String text;
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/corpus/filesystem.json")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        SarifArtifact artifact = SarifArtifact.ofSnapshotFile("mcp/filesystem.json", text);
        JsonNode sarif = SarifReport.MAPPER.readTree(Reports.render(scanCorpus("filesystem.json"), ReportFormat.SARIF, "0.1.0", artifact));
        assertThat(sarifSchema.validate(sarif)).isEmpty();
        List<String> lines = text.lines().toList();
        int checked = 0;
        for (JsonNode result : sarif.path("runs").get(0).path("results")) {
            JsonNode physical = result.path("locations").get(0).path("physicalLocation");
            assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo("mcp/filesystem.json");
            String tool = result.path("locations").get(0).path("logicalLocations").get(0).path("name").asText();
            if (!result.path("properties").path("locationKind").asText().equals("tool")) continue;
            String line = lines.get(physical.path("region").path("startLine").asInt() - 1);
            assertThat(line).contains("\"name\"").contains("\"" + tool + "\"");
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void theSchemaCheckCatchesABrokenLog() throws Exception {
        JsonNode sarif = sarifOf(scanCorpus("filesystem.json"));
        ((ObjectNode) sarif.path("runs").get(0).path("results").get(0)).put("level", "severe");
        assertThat(sarifSchema.validate(sarif)).isNotEmpty();
    }

    private static void assertGitHubCanIngest(JsonNode sarif) {
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.path("results").size()).isPositive();
        for (JsonNode result : run.path("results")) {
            JsonNode locations = result.path("locations");
            assertThat(locations.size()).as("locations of %s", result.path("ruleId")).isPositive();
            for (JsonNode location : locations) {
                assertThat(location.path("physicalLocation").path("artifactLocation").path("uri").asText()).isNotBlank();
                assertThat(location.path("physicalLocation").path("region").path("startLine").asInt()).isPositive();
            }
            assertThat(result.path("partialFingerprints").size()).isPositive();
        }
    }
}
