package dev.mcpworkbench.bench;

import dev.mcpworkbench.inspector.payload.Payload;
import dev.mcpworkbench.inspector.payload.PayloadParser;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 100 MB tool result parsed, measured per node (bytes, tokens) and scanned for secrets: the
 * whole of {@link PayloadParser#parse(byte[])}. Two shapes: the rows as structuredContent, and
 * the same rows as JSON inside a text block (the common case: most servers return text).
 * After each iteration the retained heap with the payload alive is printed against its size.
 *
 * <p>Run: {@code ./mvnw -B -q -o -pl bench -am package -DskipTests && java -Xmx2g -cp
 * "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main PayloadBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class PayloadBenchmark {

    @Param({"100"})
    public int megabytes;

    @Param({"structured", "textJson"})
    public String shape;

    private byte[] message;
    private Payload last;

    @Setup(Level.Trial)
    public void generate() {
        byte[] rows = rows(megabytes * 1024L * 1024L);
        message = shape.equals("structured") ? structured(rows) : textBlock(rows);
    }

    @Benchmark
    public Payload parseMeasureScan() throws Exception {
        last = PayloadParser.defaults().parse(message);
        return last;
    }

    @TearDown(Level.Iteration)
    public void reportRetainedHeap() {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "%n  retained heap %d MB for a %d MB message (%.2fx, message included); nodes %d, secrets %d, tokens %,d%n",
                used >> 20, message.length >> 20, (double) used / message.length,
                last.message().size() + last.blocks().stream().mapToInt(b -> b.json() == null ? 0 : b.json().size()).sum(),
                last.secrets().size(), last.contentTokens());
    }

    /** Rows like a CRM export: ids, names, emails, free text, nested tags; a few planted keys. */
    static byte[] rows(long targetBytes) {
        Random r = new Random(7);
        String[] words = {"alpha", "report", "customer", "quarterly", "shipment", "delayed", "approved", "region", "north",
                "invoice", "pending", "escalated", "the", "and", "for", "with", "status", "update", "migration", "cluster"};
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) targetBytes + 4096);
        out.writeBytes("{\"rows\":[".getBytes(StandardCharsets.UTF_8));
        StringBuilder row = new StringBuilder(512);
        for (int i = 0; out.size() < targetBytes; i++) {
            row.setLength(0);
            row.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"user ").append(i)
                    .append("\",\"active\":").append(i % 3 == 0).append(",\"score\":").append(r.nextInt(1000) / 10.0)
                    .append(",\"tags\":[\"").append(words[r.nextInt(words.length)]).append("\",\"").append(words[r.nextInt(words.length)])
                    .append("\"],\"note\":\"");
            for (int w = 0; w < 20; w++) row.append(words[r.nextInt(words.length)]).append(' ');
            if (i % 50_000 == 7) row.append("AKIA").append(String.format(Locale.ROOT, "%016d", i));
            row.append("\",\"meta\":{\"created\":\"2026-01-").append(10 + i % 18).append("\",\"owner\":null}}");
            out.writeBytes(row.toString().getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static byte[] structured(byte[] rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.length + 200);
        out.writeBytes("{\"content\":[{\"type\":\"text\",\"text\":\"see structuredContent\"}],\"structuredContent\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(rows);
        out.writeBytes(",\"isError\":false}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static byte[] textBlock(byte[] rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.length * 11 / 10);
        out.writeBytes("{\"content\":[{\"type\":\"text\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
        for (byte b : rows) {
            if (b == '"' || b == '\\') out.write('\\');
            out.write(b);
        }
        out.writeBytes("\"}],\"isError\":false}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
