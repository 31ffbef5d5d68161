package dev.mcpworkbench.bench;

import dev.mcpworkbench.inspector.connect.SseEventReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
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
 * One big answer in an event stream (a Streamable HTTP server answering a POST with
 * {@code text/event-stream}, or the legacy SSE transport): the event read into the bytes the
 * transports hand on. Run with {@code -prof gc} for the allocation per event ({@code gc.alloc.rate.norm}).
 *
 * <p>Run: {@code ./mvnw -B -o -q -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar SseEventBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class SseEventBenchmark {

    @Param({"100"})
    public int megabytes;

    private byte[] stream;

    @Setup(Level.Trial)
    public void generate() {
        byte[] prefix = "event: message\ndata: ".getBytes(StandardCharsets.US_ASCII);
        stream = new byte[prefix.length + megabytes * 1024 * 1024 + 2];
        System.arraycopy(prefix, 0, stream, 0, prefix.length);
        for (int i = prefix.length; i < stream.length - 2; i++) stream[i] = (byte) ('a' + i % 26);
        stream[stream.length - 2] = '\n';
        stream[stream.length - 1] = '\n';
    }

    @Benchmark
    public byte[] readOneEvent() throws Exception {
        return new SseEventReader(new ByteArrayInputStream(stream), 512L * 1024 * 1024).next().bytes();
    }
}
