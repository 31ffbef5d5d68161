package dev.mcpworkbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.mcpworkbench.inspector.rules.text.Tokens;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * o200k_base token count of a 1,000-tool list (the ScanBenchmark snapshot's tools, as compact
 * JSON): jtokkit on the whole text against {@link Tokens}, which splits it into pieces itself and
 * encodes each distinct piece once. Both give the same count (O200kPiecesTest).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar TokenBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TokenBenchmark {

    private String toolList;
    private Encoding jtokkit;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        ArrayNode templates = SnapshotJson.MAPPER.createArrayNode();
        for (String name : new String[] {"filesystem.json", "memory.json", "everything.json"}) {
            try (InputStream in = TokenBenchmark.class.getResourceAsStream("/bench/" + name)) {
                if (in == null) throw new IOException("missing bench resource " + name);
                SnapshotJson.MAPPER.readTree(in).path("tools").forEach(templates::add);
            }
        }
        ObjectNode root = SnapshotJson.MAPPER.createObjectNode();
        ArrayNode tools = root.putArray("tools");
        for (int i = 0; i < 1000; i++) {
            JsonNode template = templates.get(i % templates.size());
            ObjectNode tool = template.deepCopy();
            tool.put("name", template.path("name").asText() + "_" + i);
            tools.add(tool);
        }
        toolList = SnapshotJson.MAPPER.writeValueAsString(root);
        jtokkit = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    @Benchmark
    public int jtokkitWholeText() {
        return jtokkit.countTokensOrdinary(toolList);
    }

    /** Pieces memo warm: a server's text seen again, or another server with the same vocabulary. */
    @Benchmark
    public int workbenchPieces() {
        return Tokens.countUncached(toolList);
    }

    /** Pieces memo cleared before each call: the first text this process counts. */
    @Benchmark
    public int workbenchPiecesCold(ColdPieces cold) {
        return Tokens.countUncached(toolList);
    }

    @State(Scope.Thread)
    public static class ColdPieces {
        @Setup(Level.Invocation)
        public void forget() {
            Tokens.clearCache();
        }
    }
}
