package dev.mcpworkbench.inspector.snapshot;

import dev.mcpworkbench.inspector.io.AtomicFiles;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@link ServerSnapshot}s in the corpus format. */
public final class SnapshotJson {

    /** How deep a snapshot may nest, read or written (Jackson's defaults are 1,000 and 1,000). */
    public static final int MAX_NESTING_DEPTH = 20_000;

    /** Hostile snapshots nest deeply and carry huge strings: raise Jackson's limits, keep them finite. */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(512 * 1024 * 1024)
                    .build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setDefaultPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new CappedIndenter()))
            .setNodeFactory(new CompactNodeFactory());

    /**
     * Indentation stops growing at {@link #MAX_INDENT_LEVEL}: pretty-printing a tree 20,000 levels
     * deep with an indent per level writes depth² spaces (hundreds of megabytes for a 20 KB file).
     */
    static final int MAX_INDENT_LEVEL = 64;

    private static final class CappedIndenter extends DefaultIndenter {
        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            super.writeIndentation(g, Math.min(level, MAX_INDENT_LEVEL));
        }
    }

    /**
     * Jackson writes a tree by recursion, a few frames per level: 20,000 levels need more than a
     * default thread stack (reading does not: it keeps its own stack). Writing runs on a thread
     * whose stack fits the deepest tree that can be read; the memory is reserved, used only as deep
     * as the tree goes.
     */
    private static final long WRITER_STACK_BYTES = 512L * 1024 * 1024;

    private SnapshotJson() {
    }

    /**
     * The largest snapshot read: 1 GiB by default, the system property
     * {@value #MAX_BYTES_PROPERTY} (bytes) changes it. Reading holds the whole tree in memory, a few
     * times the file's size; past this a read would end in an OutOfMemoryError instead of a message.
     */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    public static final String MAX_BYTES_PROPERTY = "mcpworkbench.snapshot.maxBytes";

    public static long maxBytes() {
        String value = System.getProperty(MAX_BYTES_PROPERTY);
        if (value == null || value.isBlank()) return DEFAULT_MAX_BYTES;
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_BYTES;
        }
    }

    public static ServerSnapshot read(Path file) throws IOException {
        return read(file, maxBytes());
    }

    /** Refuses a file over {@code maxBytes} before reading a byte of it, with a message that names the limit. */
    public static ServerSnapshot read(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) throw tooLarge(file.toString(), size, maxBytes);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString(), maxBytes);
        }
    }

    public static ServerSnapshot read(InputStream in, String fallbackSource) throws IOException {
        return read(in, fallbackSource, maxBytes());
    }

    /** A stream has no size up front: it is counted as it is read and refused once past {@code maxBytes}. */
    public static ServerSnapshot read(InputStream in, String fallbackSource, long maxBytes) throws IOException {
        return parse(new LimitedInputStream(in, maxBytes, fallbackSource), fallbackSource);
    }

    private static IOException tooLarge(String what, long size, long maxBytes) {
        return new IOException(what + " is " + ByteCount.of(size) + "; snapshots over "
                + ByteCount.of(maxBytes) + " are not read (limit: scan --max-snapshot-size, or -D" + MAX_BYTES_PROPERTY + "=BYTES)");
    }

    /** Counts what is read and fails, naming the limit, once a stream goes past it. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private final long max;
        private final String what;
        private long count;

        LimitedInputStream(InputStream in, long max, String what) {
            super(in);
            this.max = max;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) counted(1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) counted(n);
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > max) throw new IOException(what + " is larger than " + ByteCount.of(max)
                    + "; snapshots over that are not read (limit: -D" + MAX_BYTES_PROPERTY + "=BYTES)");
        }
    }

    /** 1.0 GiB, 512 MiB, 900 bytes. */
    private static final class ByteCount {
        static String of(long bytes) {
            if (bytes >= 1L << 30) return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
            if (bytes >= 1L << 20) return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
            return bytes + " bytes";
        }
    }

    private static ServerSnapshot parse(InputStream in, String fallbackSource) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        if (root == null || !root.isObject()) {
            throw new IOException("Not a server snapshot: the top level must be a JSON object");
        }
        JsonNode init = root.path("initialize");
        if (!init.isObject()) {
            throw new IOException("Not a server snapshot: no \"initialize\" object (the server's initialize result)");
        }
        String source = root.path("source").isTextual() ? root.get("source").asText() : fallbackSource;
        List<String> listErrors = new ArrayList<>();
        root.path("listErrors").forEach(e -> listErrors.add(e.asText()));
        return new ServerSnapshot(source, (ObjectNode) init,
                items(root, "tools"), items(root, "resources"),
                items(root, "resourceTemplates"), items(root, "prompts"), listErrors);
    }

    private static List<JsonNode> items(JsonNode root, String field) throws IOException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return List.of();
        // the corpus keeps list results as received: {"resources": {"resources": [...], "nextCursor": ...}}
        if (node.isObject() && node.path(field).isArray()) node = node.get(field);
        if (!node.isArray()) throw new IOException("Not a server snapshot: \"" + field + "\" must be an array");
        List<JsonNode> list = new ArrayList<>(node.size());
        node.forEach(list::add);
        return list;
    }

    public static ObjectNode toJson(ServerSnapshot snapshot) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("source", snapshot.source());
        root.set("initialize", snapshot.initialize());
        root.set("tools", array(snapshot.tools()));
        if (!snapshot.resources().isEmpty()) root.set("resources", array(snapshot.resources()));
        if (!snapshot.resourceTemplates().isEmpty()) root.set("resourceTemplates", array(snapshot.resourceTemplates()));
        if (!snapshot.prompts().isEmpty()) root.set("prompts", array(snapshot.prompts()));
        if (!snapshot.listErrors().isEmpty()) snapshot.listErrors().forEach(root.withArray("listErrors")::add);
        return root;
    }

    public static String toJsonString(ServerSnapshot snapshot) {
        return toJsonString((Object) toJson(snapshot));
    }

    /** Any value (a snapshot's tree, a pin) as indented JSON, as deep as {@link #MAX_NESTING_DEPTH}. */
    public static String toJsonString(Object value) {
        try {
            return onDeepStack(() -> MAPPER.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes atomically (see {@link AtomicFiles}). */
    public static void write(ServerSnapshot snapshot, Path file) throws IOException {
        writeValue(toJson(snapshot), file);
    }

    /** Writes any value (a pin, a baseline) atomically, as deep as {@link #MAX_NESTING_DEPTH}. */
    public static void writeValue(Object value, Path file) throws IOException {
        onDeepStack(() -> {
            AtomicFiles.write(file, out -> MAPPER.writeValue(out, value));
            return null;
        });
    }

    private interface IoWork<T> {
        T run() throws IOException;
    }

    private static <T> T onDeepStack(IoWork<T> work) throws IOException {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread writer = new Thread(null, () -> {
            try {
                result[0] = work.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "snapshot-writer", WRITER_STACK_BYTES);
        writer.start();
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing JSON");
        }
        if (failure[0] instanceof IOException io) throw io;
        if (failure[0] instanceof RuntimeException re) throw re;
        if (failure[0] instanceof Error err) throw err;
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    private static ArrayNode array(List<JsonNode> items) {
        ArrayNode array = MAPPER.createArrayNode();
        items.forEach(array::add);
        return array;
    }
}
