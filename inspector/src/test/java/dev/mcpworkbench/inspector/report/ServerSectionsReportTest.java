package dev.mcpworkbench.inspector.report;

import static dev.mcpworkbench.inspector.report.HostileTextInReportsTest.BREAKOUT;
import static dev.mcpworkbench.inspector.report.HostileTextInReportsTest.withText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.ServerSection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A report of several servers names them, their sources and their errors: all server-controlled text, all escaped. */
class ServerSectionsReportTest {

    private static ScanResult twoHostileServers() {
        ScanResult one = withText("tool" + BREAKOUT, "message" + BREAKOUT, "evidence" + BREAKOUT, List.of());
        List<ServerSection> sections = List.of(
                new ServerSection("evil|server" + BREAKOUT, "/tmp/a" + BREAKOUT + ".json", "snapshot", 1, 0, 0, one, null),
                ServerSection.failed("gone" + BREAKOUT, "/tmp/b.json", "stdio", null, "no such command" + BREAKOUT));
        return ScanResult.combine("2 servers", List.of(one)).withServers(sections);
    }

    @Test
    void markdownTableRowsAndHeadingsCannotBeBrokenOpen() {
        String md = MarkdownReport.render(twoHostileServers());
        assertThat(md).doesNotContain("\r", "\u2028", "\u0085", "\u000B");
        assertThat(md.lines().filter(l -> l.startsWith("#")))
                .allMatch(l -> l.startsWith("## MCP Workbench scan: ") || l.startsWith("### ") || l.startsWith("#### "));
        assertThat(md.lines().filter(l -> l.startsWith("### Server "))).hasSize(2);
        // every row of the servers table has the header's number of cells: a '|' in a name is escaped
        List<String> rows = md.lines().filter(l -> l.startsWith("| ")).toList();
        long cells = unescapedPipes(rows.get(0));
        assertThat(rows).hasSizeGreaterThan(4).allSatisfy(r -> assertThat(unescapedPipes(r)).isEqualTo(cells));
        assertThat(md).contains("**Not scanned:** no such command");
    }

    private static long unescapedPipes(String line) {
        return java.util.regex.Pattern.compile("(?<!\\\\)\\|").matcher(line).results().count();
    }

    @Test
    void htmlEscapesNamesSourcesAndErrors() {
        String html = HtmlReport.render(twoHostileServers(), "test");
        assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).contains("<h2>Server 2 of 2: gone").contains("<strong>Not scanned:</strong> no such command");
    }

    @Test
    void jsonListsTheServersAfterTheTopLevelFields() throws Exception {
        JsonNode report = SarifReport.MAPPER.readTree(JsonReport.render(twoHostileServers(), "test"));
        List<String> fields = new java.util.ArrayList<>();
        report.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("tool", "toolVersion", "summary", "findings", "suppressed", "rules", "errors", "workspace", "servers");
        assertThat(report.path("servers").get(0).path("name").asText()).startsWith("evil|server");
        assertThat(report.path("servers").get(0).path("findings")).hasSize(1);
        assertThat(report.path("servers").get(1).path("scanned").asBoolean()).isFalse();
        assertThat(report.path("servers").get(1).path("error").asText()).startsWith("no such command");
    }
}
