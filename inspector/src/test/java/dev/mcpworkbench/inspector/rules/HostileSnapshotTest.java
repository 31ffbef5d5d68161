package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.report.ReportFormat;
import dev.mcpworkbench.inspector.report.Reports;
import dev.mcpworkbench.inspector.rules.drift.Pins;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile snapshots get findings or a clear error, never a crash or a hang. */
class HostileSnapshotTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    static ServerSnapshot snapshotOf(List<JsonNode> tools) {
        ObjectNode init = F.objectNode();
        init.putObject("serverInfo").put("name", "hostile").put("version", "6.6.6");
        return ServerSnapshot.ofTools("hostile", init, tools);
    }

    static ObjectNode tool(String name, String description) {
        ObjectNode t = F.objectNode().put("name", name).put("description", description);
        t.putObject("inputSchema").put("type", "object").putObject("properties");
        return t;
    }

    static ScanResult scanAndRenderAll(ServerSnapshot s) {
        ScanResult r = StaticRules.scan(s, ScanContext.defaults().withBaseline(Pins.pin(s)));
        assertThat(r.errors()).isEmpty();
        for (ReportFormat format : ReportFormat.values()) assertThat(Reports.render(r, format, "test")).isNotBlank();
        return r;
    }

    @Test
    @Timeout(30)
    void nonObjectInputSchemaIsAFinding() {
        ObjectNode t = F.objectNode().put("name", "broken").put("description", "A tool whose schema is a string.");
        t.put("inputSchema", "not a schema");
        ObjectNode t2 = F.objectNode().put("name", "arrayschema").put("description", "A tool whose schema is an array.");
        t2.putArray("inputSchema").add(1);
        ScanResult r = scanAndRenderAll(snapshotOf(List.of(t, t2, F.textNode("a tool that is a string"))));
        assertThat(r.findingsOf("SCHEMA-006")).extracting(f -> f.location().name()).contains("broken", "arrayschema");
    }

    @Test
    @Timeout(30)
    void refCyclesDoNotLoop() {
        ObjectNode t = tool("cyclic", "A tool whose schema references itself in a cycle.");
        ObjectNode schema = (ObjectNode) t.get("inputSchema");
        schema.put("$ref", "#/$defs/a");
        ObjectNode defs = schema.putObject("$defs");
        defs.putObject("a").put("$ref", "#/$defs/b");
        defs.putObject("b").put("$ref", "#/$defs/a");
        ((ObjectNode) schema.get("properties")).putObject("next").put("$ref", "#");
        ScanResult r = scanAndRenderAll(snapshotOf(List.of(t)));
        assertThat(r.summary().toolCount()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void schemaNested10000DeepIsReportedNotRecursed() {
        ObjectNode t = tool("deep", "A tool whose schema nests ten thousand levels deep.");
        ObjectNode cursor = (ObjectNode) t.get("inputSchema");
        for (int i = 0; i < 10_000; i++) {
            ObjectNode child = cursor.putObject("properties").putObject("p").put("type", "object");
            cursor = child;
        }
        ScanResult r = scanAndRenderAll(snapshotOf(List.of(t)));
        assertThat(r.findingsOf("SCHEMA-006")).anySatisfy(f -> assertThat(f.message()).contains("nests deeper than"));
    }

    @Test
    @Timeout(60)
    void deepSchemaReadFromJsonTextToo() throws Exception {
        String deep = "{\"type\":\"object\",\"properties\":{\"p\":".repeat(5_000) + "{}" + "}}".repeat(5_000);
        String json = "{\"initialize\":{\"serverInfo\":{\"name\":\"x\"}},\"tools\":[{\"name\":\"deep\",\"description\":\"A tool with a very deep schema here.\",\"inputSchema\":" + deep + "}]}";
        ServerSnapshot s = SnapshotJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "deep");
        assertThat(scanAndRenderAll(s).findingsOf("SCHEMA-006")).isNotEmpty();
    }

    @Test
    @Timeout(120)
    void tenMegabyteDescription() {
        String huge = "Reads a file. ".repeat(750_000); // ~10.5 MB
        ScanResult r = scanAndRenderAll(snapshotOf(List.of(tool("huge", huge))));
        assertThat(r.findingsOf("DOCS-001")).anySatisfy(f -> {
            assertThat(f.message()).contains("long");
            assertThat(f.evidence().length()).isLessThan(RuleSupport.MAX_EVIDENCE + 100);
        });
        assertThat(r.findingsOf("SURFACE-002")).extracting(Finding::severity).containsExactly(Severity.HIGH);
    }

    @Test
    @Timeout(120)
    void tenMegabyteDescriptionOfRandomCjkText() {
        // 10.5 MB of UTF-8 where no word repeats, so no cached count helps: every 256-character
        // slice is merged from its 768 bytes (5.3 s here while merging scanned every pair after
        // each merge, 1.6 s with the candidates in a heap)
        java.util.Random random = new java.util.Random(3);
        StringBuilder huge = new StringBuilder(3_500_000);
        while (huge.length() < 3_500_000) huge.append((char) (0x4E00 + random.nextInt(20_000)));
        ScanResult r = scanAndRenderAll(snapshotOf(List.of(tool("huge", huge.toString()))));
        assertThat(r.errors()).isEmpty();
        assertThat(r.findingsOf("DOCS-001")).isNotEmpty();
        assertThat(r.findingsOf("SURFACE-002")).extracting(Finding::severity).containsExactly(Severity.HIGH);
        assertThat(r.summary().toolListTokens()).as("about two tokens a character").isGreaterThan(5_000_000);
    }

    @Test
    @Timeout(180)
    void hundredThousandTools() {
        List<JsonNode> tools = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) tools.add(tool("tool_" + i, "Returns item number " + i + " of the catalog."));
        ScanResult r = StaticRules.scan(snapshotOf(tools), ScanContext.defaults());
        assertThat(r.errors()).isEmpty();
        assertThat(r.findingsOf("SURFACE-001")).extracting(Finding::severity).containsExactly(Severity.HIGH);
        assertThat(r.summary().toolCount()).isEqualTo(100_000);
    }

    @Test
    @Timeout(30)
    void loneSurrogatesAndControlCharacters() throws Exception {
        String json = "{\"initialize\":{\"serverInfo\":{\"name\":\"x\"}},\"tools\":[{\"name\":\"bad\\ud800name\","
                + "\"description\":\"Reads \\udc00 a file \\u0000 and \\u202e reverses.\",\"inputSchema\":{\"type\":\"object\","
                + "\"properties\":{\"p\\ud83d\":{\"type\":\"string\",\"description\":\"x\\ud800\"}}}}]}";
        ServerSnapshot s = SnapshotJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "surrogates");
        ScanResult r = scanAndRenderAll(s);
        assertThat(r.findingsOf("POISON-002")).anySatisfy(f -> assertThat(f.evidence()).contains("LONE SURROGATE"));
        assertThat(r.findingsOf("DOCS-002")).isNotEmpty();
        assertThat(Pins.sha256(s.tools().get(0))).hasSize(64);
    }

    @Test
    @Timeout(30)
    void wrongTypesEverywhere() {
        ObjectNode t = F.objectNode();
        t.putArray("name").add("x");
        t.put("description", 42);
        t.put("annotations", "yes");
        ObjectNode schema = t.putObject("inputSchema");
        schema.put("type", 7);
        schema.put("properties", "none");
        schema.put("required", "all");
        ArrayNode items = F.arrayNode().add(F.nullNode());
        ScanResult r = scanAndRenderAll(snapshotOf(List.of(t, F.nullNode(), items)));
        assertThat(r.summary().toolCount()).isEqualTo(3);
        assertThat(r.findingsOf("DOCS-002")).isNotEmpty();
    }
}
