package dev.mcpworkbench.inspector.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.ScanSummary;
import dev.mcpworkbench.inspector.rules.Severity;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Text a server controls (tool names, evidence, errors) cannot restructure a report or stop it being written. */
class HostileTextInReportsTest {

    /** Every CommonMark line ending (CR alone is the one that slipped through), then the blocks it would open. */
    static final String BREAKOUT = "x\r# Injected heading\r![pixel](https://evil.test/p.png?d=1)\r[click](https://evil.test/)"
            + "\r\n```\r<img src=x onerror=alert(1)>\n- list item\u2028## second heading\u000B> quote\u0085===";

    static ScanResult withText(String toolName, String message, String evidence, List<String> errors) {
        Finding f = new Finding("POISON-007", Severity.HIGH, message, new Location(Location.Kind.TOOL_RESULT, toolName, "/content/0/text"),
                evidence, "Fix it.", List.of());
        java.util.Map<Severity, Integer> counts = new java.util.EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, s == Severity.HIGH ? 1 : 0);
        ScanSummary summary = new ScanSummary("hostile" + BREAKOUT, "1", 1, counts, 0, 0, 1.0);
        return new ScanResult(List.of(f), List.of(), summary, List.<Rule>of(), errors);
    }

    @Test
    void crAndOtherLineEndingsCannotOpenMarkdownBlocks() {
        String md = MarkdownReport.render(withText("tool" + BREAKOUT, "message" + BREAKOUT, "evidence" + BREAKOUT, List.of("error" + BREAKOUT)));
        assertThat(md).doesNotContain("\r", "\u2028", "\u0085", "\u000B");
        // the only headings are the report's own; no image, link, raw HTML or quote starts anywhere
        assertThat(md.lines().filter(l -> l.startsWith("#")))
                .allMatch(l -> l.startsWith("## MCP Workbench scan: ") || l.startsWith("### "));
        assertThat(md.lines().filter(l -> l.startsWith("### "))).hasSize(1);
        // evidence lines all sit inside the indented fence: no line of it reaches column 0
        String fence = md.lines().filter(l -> l.matches(" {2}`{3,}text")).findFirst().orElseThrow().strip().replace("text", "");
        int open = md.indexOf("  " + fence + "text\n");
        int close = md.indexOf("\n  " + fence + "\n", open);
        assertThat(close).isGreaterThan(open);
        for (String line : md.substring(open, close).split("\n")) assertThat(line).startsWith("  ");
        assertThat(md.substring(open, close)).contains("# Injected heading", "![pixel]");
        // outside the fence and the code spans, nothing forms an image, a link or HTML
        String prose = (md.substring(0, open) + md.substring(close)).replaceAll("`[^`\n]*`", "");
        assertThat(prose).doesNotContain("![pixel](", "[click](", "<img").contains("\\!\\[pixel\\]", "&lt;img");
        // code spans stay on one line and keep their delimiters
        assertThat(md.lines().filter(l -> l.startsWith("- **high** `"))).singleElement()
                .satisfies(l -> assertThat(Pattern.compile("(?<!\\\\)`").matcher(l).results().count()).isEqualTo(2));
    }

    @Test
    void aLoneSurrogateIsNamedAndEveryFormatIsWritten() throws Exception {
        String lone = "result \uD83D and \uDC00 end";
        ScanResult result = withText("tool\uD800", "message " + lone, "evidence " + lone, List.of("error " + lone));
        assertThat(result.findings().get(0).evidence()).isEqualTo("evidence result <U+D83D> and <U+DC00> end");
        assertThat(result.findings().get(0).location().name()).isEqualTo("tool<U+D800>");
        assertThat(result.errors().get(0)).contains("<U+D83D>");
        for (ReportFormat format : ReportFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Reports.write(result, format, "test", SarifArtifact.placeholder("hostile"), out);
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(text).as(format.name()).contains("U+D83D").doesNotContain("\uFFFD");
            if (format == ReportFormat.SARIF || format == ReportFormat.JSON) {
                JsonNode parsed = SarifReport.MAPPER.readTree(text);
                assertThat(parsed.isObject()).isTrue();
            }
        }
    }
}
