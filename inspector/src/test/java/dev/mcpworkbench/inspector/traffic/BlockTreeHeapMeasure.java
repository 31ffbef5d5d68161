package dev.mcpworkbench.inspector.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Not a test: a measurement run by hand (issue 22). How much heap the tree of a tool result of
 * 100,000 text blocks of 300 characters costs, read as the transport reads it, beyond the message's
 * own bytes; and how long a read takes. Run with the test classpath:
 * {@code java -cp … dev.mcpworkbench.inspector.traffic.BlockTreeHeapMeasure [blocks]}.
 */
final class BlockTreeHeapMeasure {

    private BlockTreeHeapMeasure() {
    }

    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        byte[] message = result(blocks);
        MessageTreeReader reader = new MessageTreeReader(MessageTreeReader.LONG_TEXT_BYTES, MessageTreeReader.LONG_TEXT_BYTES);

        long[] millis = new long[15];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            JsonNode tree = reader.read(message);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            if (tree.at("/result/content").size() != blocks) throw new AssertionError("blocks lost");
        }
        long before = settledHeap();
        JsonNode tree = reader.read(message);
        long after = settledHeap();
        if (tree.at("/result/content/" + (blocks - 1) + "/type").asText().isEmpty()) throw new AssertionError();
        // as a view does: each block's members walked once (a LinkedHashMap keeps the entry-set view it makes)
        int members = 0;
        for (JsonNode block : tree.at("/result/content")) members += block.properties().size();
        long walked = settledHeap();
        if (members != 2 * blocks) throw new AssertionError("members lost");
        Reference.reachabilityFence(tree);  // kept whole until measured
        Arrays.sort(millis);
        System.out.printf("message %.1f MB, %d blocks: tree %.1f MB of heap (%.0f bytes a block), %.1f MB once walked; read %d ms median, %d..%d ms over %d reads%n",
                message.length / 1e6, blocks, (after - before) / 1e6, (after - before) / (double) blocks, (walked - before) / 1e6,
                millis[millis.length / 2], millis[0], millis[millis.length - 1], millis.length);
    }

    private static byte[] result(int blocks) {
        String text = "x".repeat(300);
        StringBuilder json = new StringBuilder("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[");
        for (int i = 0; i < blocks; i++) {
            if (i > 0) json.append(',');
            json.append("{\"type\":\"text\",\"text\":\"").append(text).append("\"}");
        }
        return json.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Heap in use once collections stop freeing anything. */
    private static long settledHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(50);
            long now = runtime.totalMemory() - runtime.freeMemory();
            if (now >= used && i >= 3) return now;
            used = Math.min(used, now);
        }
        return used;
    }
}
