package dev.mcpworkbench.app.cli;

import static dev.mcpworkbench.app.cli.ScanCommandTest.corpus;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports of several servers ({@code scan --snapshot A B C}, {@code scan --config FILE --connect}):
 * a table of the servers, the Workspace section with what was found across them, then a section per
 * server in the order given, each holding what that server has on its own.
 */
@Timeout(120)
class ScanServerSectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SEVERITIES = {"critical", "high", "medium", "low", "info"};
    private static final List<Path> FILES = List.of(corpus("memory.json"), corpus("everything.json"), corpus("filesystem.json"));

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static CliRun scanAll(String format, String... more) {
        List<String> args = new ArrayList<>(List.of("scan", "--snapshot"));
        FILES.forEach(f -> args.add(f.toString()));
        args.addAll(List.of("--format", format, "--fail-on", "critical"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Each snapshot scanned on its own, as a one-server JSON report. */
    private static List<JsonNode> alone() throws Exception {
        List<JsonNode> reports = new ArrayList<>();
        for (Path f : FILES) reports.add(json(CliRun.of("scan", "--snapshot", f.toString(), "--format", "json", "--fail-on", "critical").out()));
        return reports;
    }

    @Test
    void aReportOfOneServerHasNoneOfIt() throws Exception {
        CliRun json = CliRun.of("scan", "--snapshot", FILES.get(1).toString(), "--format", "json", "--fail-on", "critical");
        JsonNode report = json(json.out());
        assertThat(report.has("servers")).isFalse();
        assertThat(report.has("workspace")).isFalse();
        assertThat(report.path("findings")).isNotEmpty().allSatisfy(f -> assertThat(f.has("scope")).isFalse());
        String md = CliRun.of("scan", "--snapshot", FILES.get(1).toString(), "--format", "markdown", "--fail-on", "critical").out();
        assertThat(md).doesNotContain("### Workspace").doesNotContain("| Server |").contains("| Severity | Findings |");
        assertThat(json.err().lines()).hasSize(1);
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) n++;
        return n;
    }

    @Test
    void markdownHasTheTableThenTheWorkspaceThenEachServerInOrderWithItsOwnFindings() throws Exception {
        List<JsonNode> alone = alone();
        CliRun r = scanAll("markdown");
        assertThat(r.exit()).as(r.err()).isZero();
        String md = r.out();

        int table = md.indexOf("| Server | Source | Transport | Tools | Resources | Prompts |");
        int workspace = md.indexOf("### Workspace (across servers)");
        assertThat(table).isPositive();
        assertThat(workspace).isGreaterThan(table);
        int previous = workspace;
        for (int i = 0; i < FILES.size(); i++) {
            JsonNode one = alone.get(i);
            String name = one.path("summary").path("server").asText();
            JsonNode snapshot = JSON.readTree(FILES.get(i).toFile());
            // the server's row: where it came from, what it lists, and the same counts it has scanned alone
            StringBuilder row = new StringBuilder("| " + name + " | " + FILES.get(i) + " | snapshot | " + one.path("summary").path("toolCount").asInt()
                    + " | " + sizeOf(snapshot, "resources") + " | " + sizeOf(snapshot, "prompts") + " |");
            for (String sev : SEVERITIES) row.append(' ').append(one.path("summary").path("counts").path(sev).asInt()).append(" |");
            assertThat(md).contains(row + "  |\n");

            String heading = "### Server " + (i + 1) + " of 3: `" + name + "`";
            int at = md.indexOf(heading);
            assertThat(at).as(heading).isGreaterThan(previous);
            int end = i + 1 < FILES.size() ? md.indexOf("### Server " + (i + 2) + " of 3") : md.length();
            String section = md.substring(at, end);
            // its own findings are exactly those it has alone: a finding that needed the others is in the Workspace section
            assertThat(occurrences(section, "\n- **")).isEqualTo(one.path("findings").size());
            previous = at;
        }
        assertThat(r.err()).contains("mcp-workbench:   memory-server (snapshot " + FILES.get(0))
                .contains("across servers: ");
    }

    private static int sizeOf(JsonNode snapshot, String list) {
        JsonNode items = snapshot.path(list);
        return items.isArray() ? items.size() : items.path(list).size();
    }

    @Test
    void htmlHasTheWorkspaceThenASectionPerServerInOrderWithItsOwnFindings() throws Exception {
        List<JsonNode> alone = alone();
        String html = scanAll("html").out();
        int table = html.indexOf("<table class=\"servers\">");
        int workspace = html.indexOf("<section id=\"workspace\"");
        assertThat(table).isPositive();
        assertThat(workspace).isGreaterThan(table);
        int previous = workspace;
        for (int i = 0; i < FILES.size(); i++) {
            String name = alone.get(i).path("summary").path("server").asText();
            int at = html.indexOf("<section id=\"server-" + (i + 1) + "\" class=\"server\"><h2>Server " + (i + 1) + " of 3: " + name + "</h2>");
            assertThat(at).as(name).isGreaterThan(previous);
            String section = html.substring(at, html.indexOf("</section>", at));
            assertThat(occurrences(section, "<article class=\"finding")).isEqualTo(alone.get(i).path("findings").size());
            previous = at;
        }
    }

    @Test
    void theWorkspaceBudgetIsOneFindingInTheWorkspaceSection() throws Exception {
        // a budget every three of these exceed together, none alone
        String budget = "SURFACE-002.workspace=1000";
        JsonNode report = json(scanAll("json", "--rule-setting", budget).out());
        List<JsonNode> budgetFindings = new ArrayList<>();
        report.path("findings").forEach(f -> {
            if (f.path("message").asText().startsWith("The connected servers together cost")) budgetFindings.add(f);
        });
        assertThat(budgetFindings).hasSize(1);
        assertThat(budgetFindings.get(0).path("location").path("name").asText()).isEqualTo("workspace");
        assertThat(report.path("workspace").path("findings").findValuesAsText("message"))
                .filteredOn(m -> m.startsWith("The connected servers together cost")).hasSize(1);
        assertThat(report.path("servers")).hasSize(3).allSatisfy(s -> assertThat(s.path("findings").findValuesAsText("message"))
                .noneMatch(m -> m.startsWith("The connected servers together cost")));
        // per server and across: every finding of the report is in exactly one of them
        int sectioned = report.path("workspace").path("findings").size();
        for (JsonNode s : report.path("servers")) sectioned += s.path("findings").size();
        assertThat(sectioned).isEqualTo(report.path("findings").size());

        String md = scanAll("markdown", "--rule-setting", budget).out();
        assertThat(occurrences(md, "The connected servers together cost")).isOne();
        int at = md.indexOf("The connected servers together cost");
        assertThat(at).isGreaterThan(md.indexOf("### Workspace (across servers)")).isLessThan(md.indexOf("### Server 1 of 3"));

        // SARIF: one run, every result names its server or says it is about the workspace
        JsonNode sarif = json(scanAll("sarif", "--rule-setting", budget).out());
        Set<String> names = new TreeSet<>();
        report.path("servers").forEach(s -> names.add(s.path("name").asText()));
        JsonNode results = sarif.path("runs").get(0).path("results");
        List<String> scopes = results.findValuesAsText("scope");
        assertThat(scopes).hasSize(results.size()).filteredOn("workspace"::equals).hasSize(1);
        assertThat(results).allSatisfy(res -> {
            JsonNode props = res.path("properties");
            if (!props.path("scope").asText().equals("workspace")) assertThat(names).contains(props.path("server").asText());
        });
    }

    @Test
    void aConfiguredServerThatCannotStartGetsItsSectionWithTheErrorAndTheOthersAreScanned(@TempDir Path dir) throws Exception {
        try (LoopbackMcpServer alpha = LoopbackMcpServer.start((method, params) -> answer("alpha", "read_note", method));
             LoopbackMcpServer beta = LoopbackMcpServer.start((method, params) -> answer("beta", "list_notes", method))) {
            Path config = dir.resolve("mcp.json");
            Files.writeString(config, "{\"mcpServers\": {\"alpha\": {\"url\": \"" + alpha.url() + "\"},"
                    + " \"missing\": {\"command\": \"/nonexistent/npx\", \"args\": [\"-y\", \"@acme/notes-server\"]},"
                    + " \"beta\": {\"url\": \"" + beta.url() + "\"}}}");

            CliRun md = CliRun.of("scan", "--config", config.toString(), "--connect", "--format", "markdown", "--fail-on", "critical", "--timeout", "10");
            assertThat(md.exit()).as(md.err()).isZero();
            int first = md.out().indexOf("### Server 1 of 3: `alpha`");
            int second = md.out().indexOf("### Server 2 of 3: `missing`");
            int third = md.out().indexOf("### Server 3 of 3: `beta`");
            assertThat(first).isPositive();
            assertThat(second).isGreaterThan(first);
            assertThat(third).isGreaterThan(second);
            assertThat(md.out().substring(first, second)).contains("transport: http · 1 tool, 0 resources, 0 prompts");
            assertThat(md.out().substring(second, third)).contains("transport: stdio\n").contains("**Not scanned:** ");
            assertThat(md.out().substring(third)).contains("transport: http · 1 tool,");
            assertThat(md.err()).contains("mcp-workbench:   missing (stdio " + config + ": missing): not scanned: ");

            JsonNode report = json(CliRun.of("scan", "--config", config.toString(), "--connect", "--format", "json", "--fail-on", "critical",
                    "--timeout", "10").out());
            JsonNode servers = report.path("servers");
            List<String> names = new ArrayList<>();
            servers.forEach(server -> names.add(server.path("name").asText()));
            assertThat(names).containsExactly("alpha", "missing", "beta");
            assertThat(servers.get(1).path("scanned").asBoolean()).isFalse();
            assertThat(servers.get(1).path("error").asText()).isNotBlank();
            // what could be checked without connecting still is: the launch command of the entry
            assertThat(servers.get(1).path("findings").findValuesAsText("ruleId")).contains("DRIFT-003");
            assertThat(servers.get(0).path("scanned").asBoolean()).isTrue();
            assertThat(servers.get(0).path("toolCount").asInt()).isOne();
            assertThat(servers.get(2).path("toolCount").asInt()).isOne();
            assertThat(servers.get(0).path("source").asText()).endsWith("mcp.json: alpha");
            assertThat(report.path("errors").toString()).contains("could not connect to 'missing'");
        }
    }

    private static JsonNode answer(String server, String tool, String method) {
        ObjectNode result = JSON.createObjectNode();
        switch (method) {
            case "initialize" -> {
                result.put("protocolVersion", "2025-11-25");
                result.putObject("capabilities").putObject("tools");
                result.putObject("serverInfo").put("name", server).put("version", "1.0.0");
            }
            case "tools/list" -> {
                ObjectNode t = result.putArray("tools").addObject().put("name", tool).put("description", "Reads or lists the notes of one notebook by its id.");
                ObjectNode schema = t.putObject("inputSchema").put("type", "object").put("additionalProperties", false);
                schema.putObject("properties").putObject("id").put("type", "string").put("maxLength", 64);
                schema.putArray("required").add("id");
                t.putObject("annotations").put("readOnlyHint", true).put("openWorldHint", false);
            }
            default -> {
            }
        }
        return result;
    }
}
