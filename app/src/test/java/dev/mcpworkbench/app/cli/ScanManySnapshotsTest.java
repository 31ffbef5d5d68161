package dev.mcpworkbench.app.cli;

import static dev.mcpworkbench.app.cli.ScanCommandTest.corpus;
import static dev.mcpworkbench.app.cli.ScanCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.app.cli.ScanCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --snapshot FILE|DIR...}: several snapshots judged together in one report. */
@Timeout(120)
class ScanManySnapshotsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path wide(String name) {
        return corpus("x").getParent().resolveSibling("corpus-wide").resolve(name);
    }

    /** A one-tool server snapshot in the corpus format. */
    private static Path snapshot(Path dir, String file, String server, String tool, String description) throws IOException {
        Path path = dir.resolve(file);
        Files.writeString(path, """
                {"source": "%s",
                 "initialize": {"protocolVersion": "2025-06-18", "capabilities": {"tools": {}},
                                "serverInfo": {"name": "%s", "version": "1.0.0"}},
                 "tools": [{"name": "%s", "description": "%s",
                            "inputSchema": {"type": "object", "properties": {"id": {"type": "string", "maxLength": 64}},
                                            "required": ["id"], "additionalProperties": false},
                            "annotations": {"readOnlyHint": true, "openWorldHint": false}}]}
                """.formatted(server, server, tool, description));
        return path;
    }

    private static List<String> locationNames(JsonNode report) {
        List<String> names = new ArrayList<>();
        report.path("findings").forEach(f -> names.add(f.path("location").path("name").asText()));
        return names;
    }

    private static List<String> messages(JsonNode report, String ruleId) {
        List<String> messages = new ArrayList<>();
        report.path("findings").forEach(f -> {
            if (f.path("ruleId").asText().equals(ruleId)) messages.add(f.path("message").asText());
        });
        return messages;
    }

    @Test
    void twoRealSnapshotsGiveOneReportNamingEachFindingsServer() throws Exception {
        Run slack = run("scan", "--snapshot", wide("mcp-server-slack.json").toString(), "--format", "json", "--fail-on", "critical");
        Run github = run("scan", "--snapshot", wide("mcp-server-github.json").toString(), "--format", "json", "--fail-on", "critical");
        Run both = run("scan", "--snapshot", wide("mcp-server-slack.json").toString(), wide("mcp-server-github.json").toString(),
                "--format", "json", "--fail-on", "critical");
        assertThat(both.exit()).as(both.err()).isIn(0, 1);
        JsonNode one = JSON.readTree(slack.out());
        JsonNode two = JSON.readTree(github.out());
        JsonNode report = JSON.readTree(both.out());

        assertThat(report.path("summary").path("toolCount").asInt())
                .isEqualTo(one.path("summary").path("toolCount").asInt() + two.path("summary").path("toolCount").asInt());
        String slackName = one.path("summary").path("server").asText();
        String githubName = two.path("summary").path("server").asText();
        assertThat(slackName).isEqualTo("Slack MCP Server");
        assertThat(githubName).isEqualTo("github-mcp-server");
        assertThat(locationNames(report)).anyMatch(n -> n.startsWith(slackName)).anyMatch(n -> n.startsWith(githubName))
                .allMatch(n -> n.startsWith(slackName) || n.startsWith(githubName));
        // nothing a server has alone is lost when it is scanned with another
        assertThat(report.path("findings").size())
                .isGreaterThanOrEqualTo(one.path("findings").size() + two.path("findings").size());
        assertThat(both.err()).contains("on 2 servers");
    }

    @Test
    void theSameToolNameOnTwoServersIsFoundOnlyWhenTheyAreScannedTogether(@TempDir Path dir) throws Exception {
        Path a = snapshot(dir, "a.json", "notes-alpha", "read_note", "Reads one note by its id.");
        Path b = snapshot(dir, "b.json", "notes-beta", "read_note", "Reads one note by its id.");

        for (Path alone : List.of(a, b)) {
            Run r = run("scan", "--snapshot", alone.toString(), "--format", "json", "--fail-on", "critical");
            assertThat(messages(JSON.readTree(r.out()), "DOCS-002")).noneMatch(m -> m.contains("has the same name as"));
        }
        Run together = run("scan", "--snapshot", a.toString(), b.toString(), "--format", "json", "--fail-on", "medium");
        assertThat(together.exit()).as(together.err()).isEqualTo(1);
        JsonNode report = JSON.readTree(together.out());
        assertThat(messages(report, "DOCS-002"))
                .anyMatch(m -> m.contains("has the same name as 'read_note' of 'notes-beta'"))
                .anyMatch(m -> m.contains("has the same name as 'read_note' of 'notes-alpha'"));
        assertThat(locationNames(report)).contains("notes-alpha/read_note", "notes-beta/read_note");
    }

    @Test
    void aFolderIsEveryJsonInItAndABadFileIsAnErrorEntry(@TempDir Path dir) throws Exception {
        snapshot(dir, "a.json", "notes-alpha", "read_note", "Reads one note by its id.");
        snapshot(dir, "b.json", "notes-beta", "read_note", "Reads one note by its id.");
        Files.writeString(dir.resolve("broken.json"), "{\"source\": \"half a file");
        Files.writeString(dir.resolve("notes.txt"), "not a snapshot, not read");

        Run r = run("scan", "--snapshot", dir.toString(), "--format", "json", "--fail-on", "medium");
        assertThat(r.exit()).as(r.err()).isEqualTo(1); // the two good ones shadow each other
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.path("errors")).hasSize(1);
        assertThat(report.path("errors").get(0).asText()).startsWith("could not read " + dir.resolve("broken.json"));
        assertThat(messages(report, "DOCS-002")).anyMatch(m -> m.contains("has the same name as"));

        // a missing file among several is an entry too; below the threshold the exit stays 0
        Run missing = run("scan", "--snapshot", dir.resolve("a.json").toString(), dir.resolve("gone.json").toString(),
                "--format", "json", "--fail-on", "critical");
        assertThat(missing.exit()).as(missing.err()).isZero();
        assertThat(JSON.readTree(missing.out()).path("errors").get(0).asText()).endsWith("gone.json: no such file");
    }

    @Test
    void theWholeWideCorpusIsOneScan() throws Exception {
        Path folder = wide("x").getParent();
        long files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".json")).count();
        }
        Run r = run("scan", "--snapshot", folder.toString(), "--format", "sarif", "--fail-on", "critical");
        assertThat(r.err()).contains("on " + files + " servers");
        JsonNode sarif = JSON.readTree(r.out());
        assertThat(sarif.path("runs").get(0).path("results").size()).isGreaterThan((int) files);
    }

    @Test
    void oneFileKeepsItsSarifLinesAWorkspacePointsAtAPlaceholder(@TempDir Path dir) throws Exception {
        Path a = snapshot(dir, "a.json", "notes-alpha", "read_note", "Reads one note by its id.");
        Path b = snapshot(dir, "b.json", "notes-beta", "read_note", "Reads one note by its id.");
        JsonNode one = JSON.readTree(run("scan", "--snapshot", a.toString(), "--fail-on", "critical").out());
        // both findings are on the tool, whose "name" is on the fixture's line 4
        assertThat(one.path("runs").get(0).path("results")).isNotEmpty().allSatisfy(r -> {
            JsonNode physical = r.path("locations").path(0).path("physicalLocation");
            assertThat(physical.path("artifactLocation").path("uri").asText()).endsWith("a.json");
            assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(4);
        });

        JsonNode both = JSON.readTree(run("scan", "--snapshot", a.toString(), b.toString(), "--fail-on", "critical").out());
        assertThat(both.path("runs").get(0).path("results")).isNotEmpty().allSatisfy(r ->
                assertThat(r.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                        .isEqualTo("mcp/2-servers.json"));
    }

    @Test
    void pinAndBaselineDescribeOneServerSoSeveralSnapshotsAreAUsageError(@TempDir Path dir) throws Exception {
        Path a = snapshot(dir, "a.json", "notes-alpha", "read_note", "Reads one note by its id.");
        Path b = snapshot(dir, "b.json", "notes-beta", "list_notes", "Lists the notes.");
        Run pin = run("scan", "--snapshot", a.toString(), b.toString(), "--pin", dir.resolve("pin.json").toString());
        assertThat(pin.exit()).isEqualTo(2);
        assertThat(pin.err()).contains("--pin takes a single --snapshot FILE");
        assertThat(dir.resolve("pin.json")).doesNotExist();
        Run folder = run("scan", "--snapshot", dir.toString(), "--baseline", a.toString());
        assertThat(folder.exit()).isEqualTo(2);
        // one file still pins as before
        assertThat(run("scan", "--snapshot", a.toString(), "--pin", dir.resolve("pin.json").toString(), "--fail-on", "critical").exit()).isZero();
        assertThat(dir.resolve("pin.json")).exists();
    }
}
