package dev.mcpworkbench.bench;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.text.Tokens;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full static scan (all static rules, tool-list token count included) of a generated snapshot,
 * against parsing that snapshot's JSON. The tools are the real filesystem and memory servers'
 * definitions, renamed and repeated to 100, 1,000 and 10,000 tools. Target: scanning 1,000 tools
 * within 3× the parse time, growing linearly.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ScanBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ScanBenchmark {

    @Param({"100", "1000", "10000"})
    public int tools;

    private byte[] json;
    private ServerSnapshot snapshot;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        ObjectNode root = SnapshotJson.MAPPER.createObjectNode();
        root.put("source", "generated for ScanBenchmark");
        ObjectNode init = root.putObject("initialize");
        init.put("protocolVersion", "2025-11-25");
        init.putObject("serverInfo").put("name", "generated").put("version", "1.0.0");
        ArrayNode out = root.putArray("tools");
        JsonNode templates = templates();
        for (int i = 0; i < tools; i++) {
            ObjectNode t = templates.get(i % templates.size()).deepCopy();
            t.put("name", t.path("name").asText() + "_" + i);
            out.add(t);
        }
        json = SnapshotJson.MAPPER.writeValueAsBytes(root);
        snapshot = parse();
        Tokens.count("warm up the o200k_base encoding outside the measurement");
    }

    private static JsonNode templates() throws IOException {
        ArrayNode all = SnapshotJson.MAPPER.createArrayNode();
        for (String name : new String[] {"filesystem.json", "memory.json", "everything.json"}) {
            try (InputStream in = ScanBenchmark.class.getResourceAsStream("/bench/" + name)) {
                if (in == null) throw new IOException("missing bench resource " + name);
                SnapshotJson.MAPPER.readTree(in).path("tools").forEach(all::add);
            }
        }
        return all;
    }

    @Benchmark
    public ServerSnapshot parse() throws IOException {
        return SnapshotJson.read(new ByteArrayInputStream(json), "generated");
    }

    /** A rescan of the same snapshot, as the app does after a suppression, a pin or a settings change. */
    @Benchmark
    public ScanResult scan() {
        return StaticRules.scan(snapshot, ScanContext.defaults());
    }

    /** Forgets token counts (whole texts, per tool node, per piece) before each invocation. */
    @State(Scope.Thread)
    public static class ColdTokens {
        @Setup(Level.Invocation)
        public void forget() {
            Tokens.clearCache();
        }
    }

    /** The first scan of a server, as the CLI does it: every tool's tokens counted from scratch. */
    @Benchmark
    public ScanResult scanCold(ColdTokens cold) {
        return StaticRules.scan(snapshot, ScanContext.defaults());
    }
}
