package dev.mcpworkbench.inspector.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.inspector.rules.ConnectionTarget;
import dev.mcpworkbench.inspector.rules.drift.Pins;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads {@code rules/<ID>/positive.json} and {@code negative.json}: a snapshot, an optional
 * context (target, other servers, a snapshot to pin as baseline) and, for positives, what to expect.
 */
final class RuleFixtures {

    record Fixture(ServerSnapshot snapshot, ScanContext context, JsonNode expect) {
    }

    private static final ObjectMapper MAPPER = SnapshotJson.MAPPER;

    private RuleFixtures() {
    }

    /**
     * The fixture kinds of a rule beyond {@code positive} and {@code negative}: files named
     * {@code positive-<case>.json} or {@code negative-<case>.json}, one weakness class each.
     */
    static List<String> variants(String ruleId, String kind) {
        java.net.URL dir = RuleFixtures.class.getResource("/rules/" + ruleId + "/");
        if (dir == null) return List.of();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(dir.toURI()))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith(kind + "-") && n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean exists(String ruleId, String kind) {
        return RuleFixtures.class.getResource(path(ruleId, kind)) != null;
    }

    static Fixture load(String ruleId, String kind) throws IOException {
        try (InputStream in = RuleFixtures.class.getResourceAsStream(path(ruleId, kind))) {
            if (in == null) throw new IOException("No fixture " + path(ruleId, kind));
            JsonNode root = MAPPER.readTree(in);
            ServerSnapshot snapshot = snapshot(root.get("snapshot"));
            ScanContext context = ScanContext.defaults();
            JsonNode ctx = root.path("context");
            if (ctx.has("target")) context = context.withTarget(MAPPER.treeToValue(ctx.get("target"), ConnectionTarget.class));
            if (ctx.has("otherServers")) {
                List<ServerSnapshot> others = new ArrayList<>();
                for (JsonNode o : ctx.get("otherServers")) others.add(snapshot(o));
                context = context.withOtherServers(others);
            }
            if (ctx.has("baseline")) context = context.withBaseline(Pins.pin(snapshot(ctx.get("baseline"))));
            return new Fixture(snapshot, context, root.path("expect"));
        }
    }

    static ServerSnapshot snapshot(JsonNode node) throws IOException {
        return SnapshotJson.read(new ByteArrayInputStream(MAPPER.writeValueAsBytes(node)), "fixture");
    }

    static List<Finding> run(StaticRule rule, Fixture f) {
        return rule.check(new ScanSubject(f.snapshot(), f.context()));
    }

    private static String path(String ruleId, String kind) {
        return "/rules/" + ruleId + "/" + kind + ".json";
    }
}
