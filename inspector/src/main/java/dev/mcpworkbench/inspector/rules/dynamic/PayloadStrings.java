package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.payload.ContentBlock;
import dev.mcpworkbench.inspector.payload.JsonIndex;
import dev.mcpworkbench.inspector.payload.NodeType;
import dev.mcpworkbench.inspector.payload.Payload;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks every human-readable string of a payload: message strings, text blocks (also those that
 * look binary) and the strings of JSON text blocks; skips base64 media and blobs. Pointers are computed only
 * for the strings a rule reports, so walking a 100 MB payload stays linear.
 */
final class PayloadStrings {

    /**
     * Where a string sits; {@link #pointer()} is computed on demand. It is its own supplier of the
     * pointer: a method reference per string ({@code spot::pointer}) was an object per string of the
     * result, millions for a big one.
     */
    record Spot(JsonIndex tree, int node, String prefix, boolean cut) implements java.util.function.Supplier<String> {
        String pointer() {
            return prefix + tree.pointer(node);
        }

        @Override
        public String get() {
            return pointer();
        }

        String key() {
            return tree.key(node);
        }
    }

    /**
     * No rule reads past a string's first 8 M characters (OUTPUT-005 scans that much of it,
     * OUTPUT-006 and POISON-007 pass over longer strings), so no more is decoded: the text of a
     * 100 MB JSON block was decoded whole (about 200 MB) only to be passed over.
     */
    static final int LONGEST_READ = 8 * 1024 * 1024;

    interface Sink {
        /**
         * Returns false to stop the walk (a rule that has reported enough). A string longer than
         * {@link #LONGEST_READ} characters comes as its first {@code LONGEST_READ}, with {@link Spot#cut()} set.
         */
        boolean accept(Spot spot, String value);
    }

    private PayloadStrings() {
    }

    /**
     * Feeds every string, decoded once, to each sink until it declines more; stops when all declined.
     * The dynamic rules that read strings share this one walk (see {@link StringRule}).
     */
    static void forEach(Payload payload, List<? extends Sink> sinks) {
        if (sinks.isEmpty()) return;
        if (sinks.size() == 1) {
            forEach(payload, sinks.get(0));
            return;
        }
        boolean[] declined = new boolean[sinks.size()];
        int[] active = {sinks.size()};
        forEach(payload, (spot, value) -> {
            for (int i = 0; i < declined.length; i++) {
                if (declined[i] || sinks.get(i).accept(spot, value)) continue;
                declined[i] = true;
                active[0]--;
            }
            return active[0] > 0;
        });
    }

    static void forEach(Payload payload, Sink sink) {
        if (payload == null || !payload.parsed()) return;
        JsonIndex message = payload.message();
        Set<Integer> skipped = new HashSet<>();
        for (ContentBlock b : payload.blocks()) {
            if (b.bodyPointer().isEmpty()) continue;
            int body = message.resolve(b.bodyPointer());
            // base64 media and blobs are skipped; a text member that only looks binary (padded with NUL or
            // other control characters) is still text the model reads, and padding must not hide it
            if (b.text() == null && b.json() == null && !"binary".equals(b.detectedFormat()) && body >= 0) skipped.add(body);
        }
        if (!walk(message, "", skipped, sink)) return;
        for (ContentBlock b : payload.blocks()) {
            if (b.json() != null && !walk(b.json(), b.bodyPointer(), Set.of(), sink)) return;
        }
    }

    private static boolean walk(JsonIndex tree, String prefix, Set<Integer> skipped, Sink sink) {
        for (int n = 0; n < tree.size(); n++) {
            if (tree.type(n) != NodeType.STRING || skipped.contains(n)) continue;
            boolean accepted;
            // a literal of at most LONGEST_READ bytes has at most that many characters
            if (tree.literalBytes(n) <= LONGEST_READ) {
                accepted = sink.accept(new Spot(tree, n, prefix, false), tree.stringValue(n));
            } else {
                String head = tree.stringHead(n, LONGEST_READ + 1);
                boolean cut = head.length() > LONGEST_READ;
                accepted = sink.accept(new Spot(tree, n, prefix, cut), cut ? head.substring(0, LONGEST_READ) : head);
            }
            if (!accepted) return false;
        }
        return true;
    }
}
