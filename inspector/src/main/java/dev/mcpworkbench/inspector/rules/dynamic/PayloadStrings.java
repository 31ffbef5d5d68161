package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.payload.ContentBlock;
import dev.mcpworkbench.inspector.payload.JsonIndex;
import dev.mcpworkbench.inspector.payload.JsonStringView;
import dev.mcpworkbench.inspector.payload.NodeType;
import dev.mcpworkbench.inspector.payload.Payload;
import java.util.BitSet;
import java.util.List;

/**
 * Walks every human-readable string of a payload: message strings, text blocks (also those that
 * look binary) and the strings of JSON text blocks, each at its own pointer (a JSON text block is
 * not read as one text as well); skips base64 media and blobs. Pointers are computed only for the
 * strings a rule reports, so walking a 100 MB payload stays linear.
 */
final class PayloadStrings {

    /**
     * Where the string being fed sits; {@link #pointer()} is computed on demand. It is its own
     * supplier of the pointer: a method reference per string ({@code spot::pointer}) was an object
     * per string of the result, millions for a big one. One spot serves the whole walk (a new one
     * per string was another such object), so it is valid only during {@link Sink#accept}.
     */
    static final class Spot implements java.util.function.Supplier<String> {
        private final JsonIndex tree;
        private final String prefix;
        private int node;
        private boolean cut;

        Spot(JsonIndex tree, String prefix) {
            this.tree = tree;
            this.prefix = prefix;
        }

        Spot at(int node, boolean cut) {
            this.node = node;
            this.cut = cut;
            return this;
        }

        /** True when the string is longer than {@link #LONGEST_READ} and the sink got its head. */
        boolean cut() {
            return cut;
        }

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
         * {@code value} and {@code spot} are reused for the next string: a sink that keeps text
         * copies it ({@code toString()}), and keeps no spot.
         */
        boolean accept(Spot spot, CharSequence value);
    }

    private PayloadStrings() {
    }

    /**
     * Feeds every string, read once, to each sink until it declines more; stops when all declined.
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
        BitSet skipped = new BitSet();
        for (ContentBlock b : payload.blocks()) {
            // the block knows its body's node: resolving its pointer stepped over the blocks before it,
            // and for each block that made 100,000 blocks a quadratic walk (about 20 s)
            int body = b.bodyNode();
            if (body < 0) continue;
            // only a text is read as one text here, and a text member that only looks binary (padded with NUL or
            // other control characters) is still text the model reads, and padding must not hide it. Base64 media
            // and blobs are skipped; a JSON text is read as its strings, below, each at its own pointer (read as
            // one text too, it gave each finding twice and held a 16 MB copy of its head), or at structuredContent
            // when it mirrors it
            if (!"text".equals(b.detectedFormat()) && !"binary".equals(b.detectedFormat())) skipped.set(body);
        }
        // one view for every string of the walk: a String per string was most of a big result's check
        JsonStringView view = new JsonStringView();
        if (!walk(message, "", skipped, view, sink)) return;
        for (ContentBlock b : payload.blocks()) {
            if (b.json() != null && !walk(b.json(), b.bodyPointer(), new BitSet(), view, sink)) return;
        }
    }

    private static boolean walk(JsonIndex tree, String prefix, BitSet skipped, JsonStringView view, Sink sink) {
        Spot spot = new Spot(tree, prefix);
        for (int n = 0; n < tree.size(); n++) {
            if (tree.type(n) != NodeType.STRING || skipped.get(n)) continue;
            boolean cut = view.read(tree, n, LONGEST_READ);
            if (!sink.accept(spot.at(n, cut), view)) return false;
        }
        return true;
    }
}
