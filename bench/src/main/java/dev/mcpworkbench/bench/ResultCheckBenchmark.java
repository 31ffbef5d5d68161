package dev.mcpworkbench.bench;

import dev.mcpworkbench.inspector.payload.Payload;
import dev.mcpworkbench.inspector.payload.PayloadParser;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.dynamic.DynamicRuleRegistry;
import dev.mcpworkbench.inspector.rules.dynamic.ToolExchange;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * What the app does with a big tool result once it has arrived (issue 22): the result the lab's
 * {@code BigResultServer} returns (one text block holding a JSON array of small objects, about
 * {@code megabytes} MB) parsed and checked by the dynamic rules, as {@code ResultAnalysis} does.
 * {@code check} runs the rules on a payload parsed once; {@code parseAndCheck} does both per op.
 * Run with {@code -prof gc} for the allocation per op ({@code gc.alloc.rate.norm}).
 *
 * <p>Run: {@code ./mvnw -B -o -q -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar ResultCheckBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class ResultCheckBenchmark {

    @Param({"100"})
    public int megabytes;

    private byte[] result;
    private Payload parsed;

    @Setup(Level.Trial)
    public void generate() throws Exception {
        result = bigTextResult(megabytes * 1024L * 1024L);
        parsed = PayloadParser.defaults().parse(result);
    }

    @Benchmark
    public List<Finding> check() {
        return check(parsed);
    }

    @Benchmark
    public List<Finding> parseAndCheck() throws Exception {
        return check(PayloadParser.defaults().parse(result));
    }

    private static List<Finding> check(Payload payload) {
        return DynamicRuleRegistry.standard().check(ToolExchange.ofResult("big", null, null, payload), RuleSettings.defaults());
    }

    /** The tools/call result of the lab's BigResultServer: rows written escaped inside one text block. */
    static byte[] bigTextResult(long bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) bytes + 4096);
        out.writeBytes("{\"content\":[{\"type\":\"text\",\"text\":\"[".getBytes(StandardCharsets.UTF_8));
        long written = 0;
        for (int i = 0; written < bytes; i++) {
            String row = (i == 0 ? "" : ",") + "{\\\"id\\\":" + i + ",\\\"name\\\":\\\"item " + i
                    + "\\\",\\\"status\\\":\\\"active\\\",\\\"score\\\":" + (i % 997) + "}";
            byte[] b = row.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(b);
            written += b.length;
        }
        out.writeBytes("]\"}],\"isError\":false}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
