package dev.mcpworkbench.inspector.payload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a list's tokens go: the items of one array aggregated by field path ({@code owner/login},
 * {@code labels[]/name}), with the bytes and tokens each field costs across all items and its
 * share of the list. A list of 5,000 records is 5,000 look-alike boxes when seen item by item;
 * per field it says which fields to drop (the over-fetch candidates).
 */
public final class FieldWeights {

    /**
     * One field path across the items: {@code depth} levels below the item, {@code items} the items
     * that have it at least once, {@code firstNode} its first occurrence (to show an example).
     */
    public record Field(String path, int depth, int items, long bytes, long tokens, double share, int firstNode) {
    }

    private final int arrayNode;
    private final int itemCount;
    private final long arrayTokens;
    private final List<Field> fields;

    private FieldWeights(int arrayNode, int itemCount, long arrayTokens, List<Field> fields) {
        this.arrayNode = arrayNode;
        this.itemCount = itemCount;
        this.arrayTokens = arrayTokens;
        this.fields = fields;
    }

    /** Aggregates the items of {@code array} (an ARRAY node of {@code tree}); O(nodes under it). */
    public static FieldWeights of(JsonIndex tree, int array) {
        if (tree.type(array) != NodeType.ARRAY) throw new IllegalArgumentException("not an array: " + tree.pointer(array));
        FieldWeights known = tree.lastFieldWeights();
        if (known != null && known.arrayNode == array) return known;
        Accumulator acc = new Accumulator();
        int item = 0;
        int end = tree.skip(array);
        for (int c = array + 1; c < end; c = tree.skip(c), item++) acc.walk(tree, c, -1, item);
        FieldWeights weights = new FieldWeights(array, tree.childCount(array), tree.tokens(array), acc.fields(tree.tokens(array)));
        tree.lastFieldWeights(weights);
        return weights;
    }

    /** The non-empty array with the most bytes in the tree (the root itself counts), or -1 when there is none. */
    public static int largestArray(JsonIndex tree) {
        return largestArray(tree, -1);
    }

    /** As {@link #largestArray(JsonIndex)}, passing over the node {@code except} (but not its descendants). */
    public static int largestArray(JsonIndex tree, int except) {
        int best = -1;
        for (int n = 0; n < tree.size(); n++) {
            if (n != except && tree.type(n) == NodeType.ARRAY && tree.childCount(n) > 0
                    && (best < 0 || tree.bytes(n) > tree.bytes(best))) best = n;
        }
        return best;
    }

    /**
     * The payload's biggest list: in the JSON text blocks first (the data a tool usually returns),
     * else in the message itself (structuredContent), its content-block list passed over.
     */
    public static java.util.Optional<Payload.PayloadNode> largestList(Payload p) {
        if (!p.parsed()) return java.util.Optional.empty();
        for (ContentBlock b : p.blocks()) {
            int a = b.json() == null ? -1 : largestArray(b.json());
            if (a >= 0) return java.util.Optional.of(new Payload.PayloadNode(b.json(), a, b.bodyPointer()));
        }
        JsonIndex message = p.message();
        int firstBlock = p.blocks().isEmpty() ? -1 : p.blocks().get(0).node();
        int a = largestArray(message, firstBlock < 0 ? -1 : message.parent(firstBlock));
        return a < 0 ? java.util.Optional.empty() : java.util.Optional.of(new Payload.PayloadNode(message, a, ""));
    }

    public int arrayNode() {
        return arrayNode;
    }

    public int itemCount() {
        return itemCount;
    }

    public long arrayTokens() {
        return arrayTokens;
    }

    /** Every field path, heaviest (by tokens, then bytes) first. */
    public List<Field> fields() {
        return fields;
    }

    /** The fields directly on the items (depth 1), heaviest first: they add up to about the whole list. */
    public List<Field> topLevel() {
        return fields.stream().filter(f -> f.depth() == 1).toList();
    }

    /**
     * One line for a finding's evidence: the heaviest top-level fields with their share, e.g.
     * {@code body 61 % (~12,000 tokens), user 22 %, labels 9 %}; empty when the items have no fields.
     */
    public String heaviestSummary(int limit) {
        List<Field> top = topLevel();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, top.size()); i++) {
            Field f = top.get(i);
            String share = Math.round(f.share() * 100) + " %";
            parts.add(i == 0 ? String.format(Locale.ROOT, "%s %s (%,d tokens)", f.path(), share, f.tokens()) : f.path() + " " + share);
        }
        return String.join(", ", parts);
    }

    /** Interns field paths as ids (parent id + member name) so a path string is built once per distinct field. */
    private static final class Accumulator {
        private record PathKey(int parent, String name) {
        }

        private final Map<PathKey, Integer> ids = new HashMap<>();
        private final List<String> paths = new ArrayList<>();
        private final List<Integer> depths = new ArrayList<>();
        private long[] bytes = new long[16];
        private long[] tokens = new long[16];
        private int[] items = new int[16];
        private int[] lastItem = new int[16];
        private int[] firstNode = new int[16];

        /**
         * Member names as sent, per parent path: each distinct spelling is decoded once. Decoding
         * every member's name to look it up made two objects per member, millions for a big list.
         * Open addressing; an entry is its index + 1 in the arrays below.
         */
        private int[] spellings = new int[256];
        private int[] spellingParent = new int[128];
        private int[] spellingFrom = new int[128];
        private int[] spellingTo = new int[128];
        private int[] spellingId = new int[128];
        private int[] spellingNameTokens = new int[128];
        private int spellingCount;
        /** The tokens of the member name {@link #internName} found last ({@link JsonIndex#computedNameTokens}), 0 for an element. */
        private int nameTokens;
        /** The bytes and tokens of the member being added ({@link JsonIndex#weigh}). */
        private final long[] weight = new long[2];
        /** The one view {@link JsonIndex#weigh} reads each string through: a view per string was 60 MB a 100 MB list. */
        private final TokenCounter.Utf8Text view = new TokenCounter.Utf8Text();

        void walk(JsonIndex tree, int node, int pathId, int item) {
            int end = tree.skip(node);
            for (int c = node + 1; c < end; c = tree.skip(c)) {
                int id = internName(tree, c, pathId);
                tree.weigh(c, nameTokens, weight, view);
                bytes[id] += weight[0];
                tokens[id] += weight[1];
                if (items[id] == 0) firstNode[id] = c;
                if (lastItem[id] != item + 1) {
                    lastItem[id] = item + 1;
                    items[id]++;
                }
                if (tree.type(c).isContainer()) walk(tree, c, id, item);
            }
        }

        private int internName(JsonIndex tree, int node, int parentId) {
            int quote = tree.keyQuote(node);
            if (quote < 0) {
                nameTokens = 0;
                return intern(parentId, "[]");
            }
            byte[] data = tree.rawBytes();
            // the name as spelled in the bytes: the same spelling is the same name (an embedded document's escaped)
            int from = tree.keySpellingStart(quote);
            int end = tree.keySpellingEnd(quote);
            int hash = parentId;
            for (int i = from; i < end; i++) hash = hash * 31 + data[i];
            hash ^= hash >>> 16;
            int mask = spellings.length - 1;
            int slot = hash & mask;
            for (int e; (e = spellings[slot]) != 0; slot = (slot + 1) & mask) {
                e--;
                if (spellingParent[e] == parentId && java.util.Arrays.equals(data, spellingFrom[e], spellingTo[e], data, from, end)) {
                    nameTokens = spellingNameTokens[e];
                    return spellingId[e];
                }
            }
            int id = intern(parentId, tree.key(node));
            if (spellingCount == spellingId.length) {
                int n = spellingCount * 2;
                spellingParent = java.util.Arrays.copyOf(spellingParent, n);
                spellingFrom = java.util.Arrays.copyOf(spellingFrom, n);
                spellingTo = java.util.Arrays.copyOf(spellingTo, n);
                spellingId = java.util.Arrays.copyOf(spellingId, n);
                spellingNameTokens = java.util.Arrays.copyOf(spellingNameTokens, n);
            }
            int e = spellingCount++;
            spellingParent[e] = parentId;
            spellingFrom[e] = from;
            spellingTo[e] = end;
            spellingId[e] = id;
            spellingNameTokens[e] = nameTokens = tree.computedNameTokens(node);
            if (spellingCount * 2 > spellings.length) rehash(data);
            else spellings[slot] = e + 1;
            return id;
        }

        private void rehash(byte[] data) {
            spellings = new int[spellings.length * 2];
            int mask = spellings.length - 1;
            for (int e = 0; e < spellingCount; e++) {
                int hash = spellingParent[e];
                for (int i = spellingFrom[e]; i < spellingTo[e]; i++) hash = hash * 31 + data[i];
                hash ^= hash >>> 16;
                int slot = hash & mask;
                while (spellings[slot] != 0) slot = (slot + 1) & mask;
                spellings[slot] = e + 1;
            }
        }

        private int intern(int parentId, String name) {
            PathKey key = new PathKey(parentId, name);
            Integer known = ids.get(key);
            if (known != null) return known;
            String parentPath = parentId < 0 ? "" : paths.get(parentId);
            int id = paths.size();
            ids.put(key, id);
            paths.add(parentPath.isEmpty() ? name : name.equals("[]") ? parentPath + "[]" : parentPath + "/" + name);
            depths.add(parentId < 0 ? 1 : depths.get(parentId) + 1);
            if (id == bytes.length) grow();
            return id;
        }

        private void grow() {
            int n = bytes.length * 2;
            bytes = java.util.Arrays.copyOf(bytes, n);
            tokens = java.util.Arrays.copyOf(tokens, n);
            items = java.util.Arrays.copyOf(items, n);
            lastItem = java.util.Arrays.copyOf(lastItem, n);
            firstNode = java.util.Arrays.copyOf(firstNode, n);
        }

        List<Field> fields(long total) {
            List<Field> out = new ArrayList<>(paths.size());
            for (int i = 0; i < paths.size(); i++) {
                out.add(new Field(paths.get(i), depths.get(i), items[i], bytes[i], tokens[i], total == 0 ? 0 : (double) tokens[i] / total, firstNode[i]));
            }
            out.sort(Comparator.comparingLong(Field::tokens).thenComparingLong(Field::bytes).reversed());
            return List.copyOf(out);
        }
    }
}
