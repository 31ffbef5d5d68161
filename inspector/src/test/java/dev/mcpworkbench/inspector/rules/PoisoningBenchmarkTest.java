package dev.mcpworkbench.inspector.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Precision and recall of the poisoning rules on a labelled benchmark
 * ({@code poison-bench/cases.json}): malicious tools written after public attack write-ups (tool
 * poisoning, line jumping, rug pulls, shadowing, full-schema poisoning and ATPA, Markdown-image
 * exfiltration, hidden text), and benign tools, real ones from the corpus snapshots and look-alikes
 * that share the attacks' words. A case is flagged when a POISON rule or DOCS-006 reports it at the
 * given severity or above. The bars: 0.95 at any severity (Low and above), 0.9 at High and above.
 */
@Timeout(60)
class PoisoningBenchmarkTest {

    private record Outcome(String id, boolean malicious, Severity worst, String rules) {
    }

    @Test
    void precisionAndRecallMeetTheBars() throws IOException {
        List<Outcome> outcomes = run();
        double[] any = figures(outcomes, Severity.LOW);
        double[] high = figures(outcomes, Severity.HIGH);
        System.out.printf(Locale.ROOT, "Poisoning benchmark: %d malicious, %d benign%n",
                outcomes.stream().filter(Outcome::malicious).count(), outcomes.stream().filter(o -> !o.malicious()).count());
        System.out.printf(Locale.ROOT, "  any severity: precision %.3f recall %.3f%n", any[0], any[1]);
        System.out.printf(Locale.ROOT, "  High and up:  precision %.3f recall %.3f%n", high[0], high[1]);
        for (Outcome o : outcomes) {
            boolean flagged = o.worst() != null && o.worst().atLeast(Severity.LOW);
            if (flagged != o.malicious() || (o.malicious() && !o.worst().atLeast(Severity.HIGH))) {
                System.out.println("  " + (o.malicious() ? "malicious " : "benign    ") + o.id() + " -> " + o.worst() + " " + o.rules());
            }
        }
        assertThat(any[0]).as("precision, any severity").isGreaterThanOrEqualTo(0.95);
        assertThat(any[1]).as("recall, any severity").isGreaterThanOrEqualTo(0.95);
        assertThat(high[0]).as("precision, High and up").isGreaterThanOrEqualTo(0.9);
        assertThat(high[1]).as("recall, High and up").isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void theBenchmarkIsLargeEnough() throws IOException {
        JsonNode cases = cases();
        long malicious = 0;
        for (JsonNode c : cases) if (c.path("label").asText().equals("malicious")) malicious++;
        assertThat(malicious).isGreaterThanOrEqualTo(30);
        assertThat(cases.size() - malicious).isGreaterThanOrEqualTo(30);
    }

    /** {precision, recall} with flags at {@code bar} or above. */
    private static double[] figures(List<Outcome> outcomes, Severity bar) {
        int tp = 0, fp = 0, fn = 0;
        for (Outcome o : outcomes) {
            boolean flagged = o.worst() != null && o.worst().atLeast(bar);
            if (flagged && o.malicious()) tp++;
            if (flagged && !o.malicious()) fp++;
            if (!flagged && o.malicious()) fn++;
        }
        return new double[] {tp + fp == 0 ? 0 : (double) tp / (tp + fp), tp + fn == 0 ? 0 : (double) tp / (tp + fn)};
    }

    private static boolean isPoisoningRule(String ruleId) {
        return ruleId.startsWith("POISON-") || ruleId.equals("DOCS-006");
    }

    private static JsonNode cases() throws IOException {
        try (InputStream in = PoisoningBenchmarkTest.class.getResourceAsStream("/poison-bench/cases.json")) {
            return SnapshotJson.MAPPER.readTree(in).get("cases");
        }
    }

    private static List<Outcome> run() throws IOException {
        Map<String, ScanResult> corpusScans = new HashMap<>();
        List<Outcome> out = new ArrayList<>();
        for (JsonNode c : cases()) {
            List<Finding> findings = new ArrayList<>();
            if (c.has("corpus")) {
                String file = c.get("corpus").asText();
                ScanResult r = corpusScans.get(file);
                if (r == null) {
                    r = StaticRules.scan(corpusSnapshot(file), ScanContext.defaults());
                    corpusScans.put(file, r);
                }
                // a real tool is judged inside its own server (its preferences among its own tools are guidance)
                for (Finding f : r.findings()) if (c.get("name").asText().equals(f.location().name())) findings.add(f);
                assertThat(r.summary()).isNotNull();
            } else {
                ScanContext context = ScanContext.defaults();
                if (c.has("otherServers")) {
                    List<ServerSnapshot> others = new ArrayList<>();
                    for (JsonNode tools : c.get("otherServers")) others.add(snapshot((ArrayNode) tools, null, "other-server"));
                    context = context.withOtherServers(others);
                }
                ArrayNode tools = SnapshotJson.MAPPER.createArrayNode().add(c.get("tool"));
                findings.addAll(StaticRules.scan(snapshot(tools, c.path("instructions").asText(null), "bench-server"), context).findings());
            }
            Severity worst = null;
            StringBuilder rules = new StringBuilder();
            for (Finding f : findings) {
                if (!isPoisoningRule(f.ruleId())) continue;
                rules.append(f.ruleId()).append('/').append(f.severity()).append(' ');
                if (worst == null || f.severity().atLeast(worst)) worst = f.severity();
            }
            out.add(new Outcome(c.get("id").asText(), c.get("label").asText().equals("malicious"), worst, rules.toString().trim()));
        }
        return out;
    }

    private static ServerSnapshot corpusSnapshot(String file) throws IOException {
        String dir = PoisoningBenchmarkTest.class.getResource("/corpus/" + file) != null ? "/corpus/" : "/corpus-wide/";
        try (InputStream in = PoisoningBenchmarkTest.class.getResourceAsStream(dir + file)) {
            return SnapshotJson.read(in, file);
        }
    }

    private static ServerSnapshot snapshot(ArrayNode tools, String instructions, String name) throws IOException {
        ObjectNode root = SnapshotJson.MAPPER.createObjectNode();
        root.put("source", "benchmark");
        ObjectNode init = root.putObject("initialize");
        init.put("protocolVersion", "2025-11-25");
        init.putObject("capabilities").putObject("tools");
        init.putObject("serverInfo").put("name", name).put("version", "1.0.0");
        if (instructions != null) init.put("instructions", instructions);
        root.set("tools", tools);
        return SnapshotJson.read(new java.io.ByteArrayInputStream(SnapshotJson.MAPPER.writeValueAsBytes(root)), name);
    }
}
