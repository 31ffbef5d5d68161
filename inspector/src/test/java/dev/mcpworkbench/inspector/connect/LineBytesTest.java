package dev.mcpworkbench.inspector.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long line keeps its bytes past {@link LineBytes#SPILL_FROM} in a temporary file while it is
 * read, so that it is not in memory twice (its pieces and its array) at the end of the read. What
 * comes back must be the bytes sent, in order, from any offset; the file must be gone once the line
 * is closed; and where no file can be made the line stays whole in memory.
 */
class LineBytesTest {

    private static final int LONG = (int) LineBytes.SPILL_FROM * 2 + 12_345;

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Writes {@code data} in uneven slices, as reads from a pipe arrive. */
    private static void writeInSlices(LineBytes line, byte[] data) {
        Random r = new Random(7);
        for (int at = 0; at < data.length; ) {
            int n = Math.min(data.length - at, 1 + r.nextInt(70_000));
            line.write(data, at, n);
            at += n;
        }
    }

    private static long filesNamedLikeSpills(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("mcp-workbench-line-")).count();
        }
    }

    @Test
    void aLongLineComesBackWholeFromItsFileAndLeavesNoFile(@TempDir Path dir) throws IOException {
        byte[] sent = randomBytes(LONG, 1);
        LineBytes line = new LineBytes(dir);
        writeInSlices(line, sent);
        assertThat(line.spilledBytes()).as("bytes kept in the file").isGreaterThan(LineBytes.SPILL_FROM / 2);
        assertThat(line.size()).isEqualTo(sent.length);
        assertThat(line.toArray()).isEqualTo(sent);
        int from = 5;
        assertThat(line.toArray(from)).isEqualTo(Arrays.copyOfRange(sent, from, sent.length));
        for (long i : new long[] {0, LineBytes.SPILL_FROM - 1, LineBytes.SPILL_FROM + 3, LONG - 1}) {
            assertThat(line.at(i)).as("byte %d", i).isEqualTo(sent[(int) i]);
        }
        line.close();
        line.close();
        assertThat(filesNamedLikeSpills(dir)).isZero();
    }

    @Test
    void withoutATemporaryDirectoryTheLineStaysInMemory(@TempDir Path dir) {
        byte[] sent = randomBytes(LONG, 2);
        try (LineBytes line = new LineBytes(dir.resolve("missing"))) {
            writeInSlices(line, sent);
            assertThat(line.spilledBytes()).isZero();
            assertThat(line.toArray()).isEqualTo(sent);
        }
    }

    @Test
    void aShortLineMakesNoFile(@TempDir Path dir) throws IOException {
        byte[] sent = randomBytes(1_000_000, 3);
        try (LineBytes line = new LineBytes(dir)) {
            writeInSlices(line, sent);
            assertThat(filesNamedLikeSpills(dir)).isZero();
            assertThat(line.spilledBytes()).isZero();
            assertThat(line.toArray()).isEqualTo(sent);
        }
    }

    @Test
    void theReaderHandsOutLongLinesAndTheLinesAfterThem() throws IOException {
        byte[] first = randomText(LONG, 4);
        byte[] second = "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] stream = new byte[first.length + second.length + 2];
        System.arraycopy(first, 0, stream, 0, first.length);
        stream[first.length] = '\n';
        System.arraycopy(second, 0, stream, first.length + 1, second.length);
        stream[stream.length - 1] = '\n';
        try (BoundedLineReader reader = new BoundedLineReader(new ByteArrayInputStream(stream), Long.MAX_VALUE, false, "a line")) {
            assertThat(reader.readLineBytes()).isEqualTo(first);
            assertThat(reader.readLineBytes()).isEqualTo(second);
            assertThat(reader.readLineBytes()).isNull();
        }
    }

    /** Random printable bytes: no line terminator inside. */
    private static byte[] randomText(int n, long seed) {
        byte[] b = new byte[n];
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) b[i] = (byte) (' ' + r.nextInt(94));
        return b;
    }

    /** An interrupt while the line is read (a cancelled call) neither breaks the file nor loses the bytes in it. */
    @Test
    void anInterruptWhileSpillingLosesNothing(@TempDir Path dir) throws IOException {
        byte[] sent = randomBytes(LONG, 5);
        try (LineBytes line = new LineBytes(dir)) {
            line.write(sent, 0, LONG / 2);
            Thread.currentThread().interrupt();
            try {
                line.write(sent, LONG / 2, LONG - LONG / 2);
                assertThat(line.toArray()).isEqualTo(sent);
            } finally {
                Thread.interrupted();
            }
        }
        assertThat(filesNamedLikeSpills(dir)).isZero();
    }
}
