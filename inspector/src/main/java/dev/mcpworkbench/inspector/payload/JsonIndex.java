package dev.mcpworkbench.inspector.payload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A JSON document kept once as raw UTF-8 bytes plus a compact node index built by one streaming
 * pass. Nodes are numbered in document order: a container's first child is the next node, its next
 * sibling is {@link #skip(int)}. Keys and values are decoded from the bytes only when asked, so a
 * 100 MB result never exists as a tree of objects.
 *
 * <p>Every value costs a little over 4 bytes: where it starts, in a little over two ({@link
 * StartOffsets}), its type (1) and, in one byte, the distance back to its member name (a name of
 * some 250 bytes or more is kept aside). Only containers (a fifth of the values of a list of small
 * objects, fewer in most documents) store their structure: 28 bytes for their node, the node after
 * them, their child count, their index in a parent array, their parent, their place in the order
 * containers closed, and in two bytes each their literal's length and their tokens. A scalar's
 * length and tokens are not stored: its end is scanned again from its start ({@link LiteralEnds},
 * the scan the builder made) and, tokens being estimated, they are estimated again from its bytes
 * ({@link EstimatedTokens}, as the builder did), which gives the same numbers. A scalar of {@link
 * #LONG_LITERAL} bytes or more keeps both aside (a bit of its type says so), so no ask scans more
 * than a kilobyte. When tokens are exact (documents up to {@link PayloadLimits#exactTokenBytes})
 * they cannot be found again cheaply: every value keeps them in two more bytes (26 bytes a
 * container). Any value too big for its column is kept aside in a {@link SparseInts}. A value's
 * parent and array index are read from the last container that opened or closed before it (two
 * binary searches, whatever the depth). With all its links stored a value took 26 bytes; with its
 * length and tokens, 11 (by {@link #bytesFor}, 128 MB for a 100 MB list of small rows, 8.1 million
 * values in 1.6 million rows; 143 MB of heap measured); then 7 (117 MB measured); now a little over
 * 4 (83 MB measured under G1). The index is alive with the message and the list's text while a result is checked
 * (issue 22's memory bound). A document made of little but empty containers costs 32 bytes
 * a value.
 */
public final class JsonIndex {

    static final int ROOT_KEY = -1;
    /** A two-byte column's mark for "the value is kept aside". */
    static final char WIDE = Character.MAX_VALUE;
    /** The one-byte key gap's mark for "the member name is farther, kept aside in {@link #farKeys}". */
    static final int FAR_KEY = 0xFF;
    /**
     * A scalar's literal from this length on has its length (and its estimated tokens) kept aside,
     * marked by {@link #LONG_LEAF} in its type: found again, they would take a scan of the whole
     * literal per ask (a row of the tree, a comparison of a sort by size). Shorter ones are scanned:
     * at most a kilobyte per ask. Kept, a long literal costs 8 or 16 bytes aside, under 2% of it.
     */
    static final int LONG_LITERAL = 1024;
    /** The bit of a value's type byte that marks a scalar of {@link #LONG_LITERAL} bytes or more. */
    static final int LONG_LEAF = 0x40;
    private static final int TYPE_BITS = 0x3F;

    /**
     * Per value, by node number. {@code tokens} is null unless they are exact; the aside values
     * (lengths, tokens) of scalars and containers are by node number too.
     */
    record Nodes(int count, StartOffsets start, byte[] type, SparseInts longLengths, byte[] keyGaps, SparseInts farKeys,
                 char[] tokens, SparseInts manyTokens) {
    }

    /** Per container, by rank in document order; {@code tokens} null when they are exact (then per value). */
    record Containers(int count, int[] node, int[] skip, int[] children, int[] arrayIndex, int[] parent, int[] closeOrder,
                      char[] lengths, char[] tokens) {
    }

    private final byte[] data;
    private final int base;
    private final int length;
    /**
     * Whether the document is a JSON text held escaped in a string literal of {@link #data} and read
     * there ({@link #ofEmbedded}): every offset and length counts the bytes as sent, and what is
     * decoded from it is unescaped first, a node at a time.
     */
    private final boolean embedded;
    private final int count;
    /** Where each value's literal starts, counted from {@link #base}. */
    private final StartOffsets starts;
    private final byte[] type;
    /** Lengths kept aside: of containers too long for {@link #containerLengths}, and of long scalars ({@link #LONG_LEAF}). */
    private final SparseInts longLengths;
    /**
     * How far before the value its member name's quote is, unsigned; 0 for array elements and the
     * root. A name of 250 bytes or more (or one with that much space before its value) is kept aside.
     */
    private final byte[] keyGaps;
    /** Member-name quotes too far for {@link #keyGaps}, as positions in {@link #data}. */
    private final SparseInts farKeys;
    /** Every value's tokens when they are exact; null when estimated (a scalar's are computed from its bytes). */
    private final char[] tokens;
    /** Tokens kept aside: too many for a two-byte column, or of a long scalar when estimated. */
    private final SparseInts manyTokens;
    private final int containerCount;
    /** Node numbers of the containers, ascending: a rank is found by binary search. */
    private final int[] containerNode;
    private final int[] containerSkip;
    private final int[] containerChildren;
    private final int[] containerIndex;
    private final int[] containerParent;
    private final char[] containerLengths;
    /** The containers' tokens when estimated; null when exact (then in {@link #tokens}). */
    private final char[] containerTokens;
    /** The ranks of the containers in the order they closed: their {@link #containerSkip} ascend along it. */
    private final int[] closeOrder;
    /**
     * The rank found last: walks go forward, so the next one is searched from here (a step or two)
     * rather than over all containers. Shared by threads without a lock: any value is a valid rank
     * to start from, and every answer is checked against the node.
     */
    private int rankHint;
    private final boolean exactTokens;
    private final java.util.BitSet flaggedKeys;
    /**
     * The last list aggregated by field ({@link FieldWeights#of}): OUTPUT-003, OUTPUT-007 and the
     * Fields tab ask for the same list's weights, and each aggregation of a 100 MB list walked
     * millions of members. Small (one entry per distinct field path), so it stays with the index.
     */
    private volatile FieldWeights lastFieldWeights;

    JsonIndex(byte[] data, int base, int length, boolean embedded, Nodes nodes, Containers containers, boolean exactTokens,
              java.util.BitSet flaggedKeys) {
        this.data = data;
        this.base = base;
        this.length = length;
        this.embedded = embedded;
        this.count = nodes.count();
        this.starts = nodes.start();
        this.type = nodes.type();
        this.longLengths = nodes.longLengths();
        this.keyGaps = nodes.keyGaps();
        this.farKeys = nodes.farKeys();
        this.tokens = nodes.tokens();
        this.manyTokens = nodes.manyTokens();
        this.containerCount = containers.count();
        this.containerNode = containers.node();
        this.containerSkip = containers.skip();
        this.containerChildren = containers.children();
        this.containerIndex = containers.arrayIndex();
        this.containerParent = containers.parent();
        this.closeOrder = containers.closeOrder();
        this.containerLengths = containers.lengths();
        this.containerTokens = containers.tokens();
        this.exactTokens = exactTokens;
        this.flaggedKeys = flaggedKeys;
    }

    private static final NodeType[] TYPES = NodeType.values();

    /**
     * What an index of {@code counted} takes: {@link Nodes}' columns per value (start, type, key gap,
     * and tokens when exact), {@link Containers}' per container (six ints, a length, and tokens when
     * estimated). Values kept aside are left out: a long scalar's are under 2% of its literal.
     */
    static long bytesFor(JsonValueCount counted, boolean exactTokens) {
        long starts = 2L * counted.values() + counted.values() / 8; // StartOffsets: two bytes a value and a run's start
        return starts + (exactTokens ? 4L * counted.values() + 26L * counted.containers()
                : 2L * counted.values() + 28L * counted.containers());
    }

    public static JsonIndex of(byte[] json) throws InvalidJsonException {
        return JsonIndexBuilder.build(json, 0, json.length, PayloadLimits.defaults(), StringVisitor.NONE);
    }

    public static JsonIndex of(String json) throws InvalidJsonException {
        return of(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Indexes the JSON text held in the string literal {@code data[quote, end)} (quotes included)
     * in place, escaped as it was sent. It answers as an index of the unescaped text would, except
     * that sizes and offsets ({@link #bytes}, {@link #startOffset}, {@link #totalBytes}, the raw
     * slices' offsets, the latin1 views) count the bytes as sent, escapes included.
     */
    static JsonIndex ofEmbedded(byte[] data, int quote, int end) throws InvalidJsonException {
        return ofEmbedded(data, quote, end, PayloadLimits.defaults());
    }

    static JsonIndex ofEmbedded(byte[] data, int quote, int end, PayloadLimits limits) throws InvalidJsonException {
        return JsonIndexBuilder.buildEmbedded(data, quote, end, limits, null);
    }

    /** Whether this is the index of a JSON text read in place in a string literal ({@link #ofEmbedded}). */
    public boolean embedded() {
        return embedded;
    }

    /**
     * A string's literal as its readers take it: its opening quote at {@code from} of {@code bytes},
     * its text after, ending at its closing quote or at {@code to}, whichever comes first.
     */
    record Literal(byte[] bytes, int from, int to) {
    }

    /** Escaped bytes per character at most: a u-escape inside the text (six bytes), each of its bytes sent as a u-escape. */
    private static final int MAX_ESCAPED_PER_CHAR = 36;

    /**
     * The node's literal, enough of it for its first {@code maxChars} characters: in place, or for an
     * embedded document unescaped into a copy of just that part.
     */
    Literal literal(int node, int maxChars) {
        int from = base + start(node);
        int to = base + end(node);
        if (!embedded) return new Literal(data, from, to);
        if (plainInside(from, to)) {
            // a value sent as \"text\" with no escape inside reads in place: the quote of its opening
            // escape opens it, and the closing escape's backslash ends it (the readers stop at the end)
            return new Literal(data, from + 1, to - 2);
        }
        if (maxChars < Integer.MAX_VALUE && (to - from) / MAX_ESCAPED_PER_CHAR > maxChars + 2) {
            to = EscapedText.boundary(data, from, from + (maxChars + 2) * MAX_ESCAPED_PER_CHAR);
        }
        byte[] text = JsonStrings.unescapeRange(data, from, to);
        return new Literal(text, 0, text.length);
    }

    /**
     * Whether the string literal {@code from..to} of an embedded document is a two-byte escaped quote,
     * text without a backslash, and another: most values of a JSON text block are, and reading them
     * in place spared a copy per string (35 MB per 100 MB result) to the dynamic rules' walk.
     */
    private boolean plainInside(int from, int to) {
        if (to - from < 4 || data[from] != '\\' || data[from + 1] != '"' || data[to - 2] != '\\' || data[to - 1] != '"') return false;
        for (int i = from + 2; i < to - 2; i++) if (data[i] == '\\') return false;
        return true;
    }

    /** The unescaped text of bytes {@code from..to} of an embedded document (absolute positions). */
    private byte[] unescaped(int from, int to) {
        return JsonStrings.unescapeRange(data, from, to);
    }

    /**
     * Token counts estimated ({@link #tokensExact()} false) whatever the size: the o200k_base
     * encoding is not loaded, which on a fresh JVM takes about 300 ms. For samples, not payloads.
     */
    public static JsonIndex estimated(String json) throws InvalidJsonException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        PayloadLimits d = PayloadLimits.defaults();
        return JsonIndexBuilder.build(bytes, 0, bytes.length, new PayloadLimits(d.maxMessageBytes(), 0, d.maxDepth()), StringVisitor.NONE);
    }

    public int root() {
        return 0;
    }

    public int size() {
        return count;
    }

    public NodeType type(int node) {
        return TYPES[type[node] & TYPE_BITS];
    }

    private boolean isContainer(int node) {
        return type[node] == NodeType.OBJECT.ordinal() || type[node] == NodeType.ARRAY.ordinal();
    }

    /** Serialized size of the node's value in bytes (UTF-8, as received). */
    public long bytes(int node) {
        return literalLength(node);
    }

    private int literalLength(int node) {
        if (isContainer(node)) {
            char n = containerLengths[rank(node)];
            return n == WIDE ? longLengths.get(node) : n;
        }
        if ((type[node] & LONG_LEAF) != 0) return longLengths.get(node);
        int at = base + start(node);
        return LiteralEnds.leafEnd(data, at, base + length, embedded, type[node]) - at;
    }

    private int end(int node) {
        return start(node) + literalLength(node);
    }

    /** o200k_base tokens of the node, its member name included; exact or estimated, see {@link #tokensExact()}. */
    public long tokens(int node) {
        if (tokens != null) {
            char t = tokens[node];
            return t == WIDE ? manyTokens.get(node) : t;
        }
        if (isContainer(node)) {
            char t = containerTokens[rank(node)];
            return t == WIDE ? manyTokens.get(node) : t;
        }
        if ((type[node] & LONG_LEAF) != 0) return manyTokens.get(node);
        return estimatedValueTokens(node) + estimatedKeyTokens(node);
    }

    /**
     * The node's {@link #bytes} and {@link #tokens} into {@code out[0]} and {@code out[1]}, for a walk
     * over many members ({@link FieldWeights}): a scalar's literal is scanned once for both, and its
     * member name's tokens are the caller's {@code nameTokens}, which it asked {@link #computedNameTokens}
     * once per spelling (a list's items repeat the same names).
     */
    void weigh(int node, int nameTokens, long[] out, TokenCounter.Utf8Text view) {
        if (tokens != null || isContainer(node) || (type[node] & LONG_LEAF) != 0) {
            out[0] = literalLength(node);
            out[1] = tokens(node);
            return;
        }
        int at = base + start(node);
        int limit = base + length;
        if (type[node] != NodeType.STRING.ordinal()) {
            out[0] = LiteralEnds.leafEnd(data, at, limit, embedded, type[node]) - at;
            out[1] = EstimatedTokens.ofOtherScalar() + nameTokens;
            return;
        }
        int close = LiteralEnds.closingQuote(data, at, limit, embedded);
        out[0] = LiteralEnds.after(data, close, limit, embedded) - at;
        out[1] = estimatedStringTokens(at, close, view) + nameTokens;
    }

    /**
     * The tokens {@link #weigh} adds for the node's member name: its estimate when tokens are
     * estimated (the same for every member spelled the same), 0 when they are exact (stored whole).
     */
    int computedNameTokens(int node) {
        return tokens != null ? 0 : estimatedKeyTokens(node);
    }

    /** A short scalar's estimated tokens, computed as the builder did ({@link EstimatedTokens}). */
    private int estimatedValueTokens(int node) {
        if (type[node] != NodeType.STRING.ordinal()) return EstimatedTokens.ofOtherScalar();
        int at = base + start(node);
        return estimatedStringTokens(at, LiteralEnds.closingQuote(data, at, base + length, embedded), new TokenCounter.Utf8Text());
    }

    /** The estimated tokens of the string literal opening at {@code quote} and closing at {@code close} (absolute). */
    private int estimatedStringTokens(int quote, int close, TokenCounter.Utf8Text view) {
        return EstimatedTokens.ofString(view, data, LiteralEnds.after(data, quote, base + length, embedded), close);
    }

    /**
     * The estimated tokens of the node's member name, 0 when it has none. The builder estimated the
     * decoded name; a name spelled in plain ASCII is those characters, read in place (a view asks
     * this for every row it shows), any other is decoded.
     */
    private int estimatedKeyTokens(int node) {
        int quote = keyQuote(node);
        if (quote < 0) return 0;
        int from = keySpellingStart(quote);
        int to = keySpellingEnd(quote);
        if (isPlainAscii(from, to)) return EstimatedTokens.ofKey(new TokenCounter.Utf8Text().of(data, from, to));
        return EstimatedTokens.ofKey(key(node));
    }

    public boolean tokensExact() {
        return exactTokens;
    }

    /** Share of the whole document's tokens, 0..1. */
    public double share(int node) {
        long total = tokens(0);
        return total == 0 ? 0 : (double) tokens(node) / total;
    }

    public int parent(int node) {
        int rank = parentRank(node);
        return rank < 0 ? -1 : containerNode[rank];
    }

    public int childCount(int node) {
        return isContainer(node) ? containerChildren[rank(node)] : 0;
    }

    /** The node after this one's whole subtree (its next sibling, if it has one). */
    public int skip(int node) {
        return isContainer(node) ? containerSkip[rank(node)] : node + 1;
    }

    public int depth(int node) {
        int d = 0;
        for (int p = parentRank(node); p >= 0; p = containerParent[p]) d++;
        return d;
    }

    public int[] children(int node) {
        int[] out = new int[childCount(node)];
        afterChildren(node, out.length, out);
        return out;
    }

    /**
     * Steps over the first {@code n} children of a container and returns the node after them,
     * writing each child to {@code out} when given.
     */
    private int afterChildren(int container, int n, int[] out) {
        ChildSteps at = new ChildSteps(container);
        for (int i = 0; i < n; i++, at.next()) {
            if (out != null) out[i] = at.node;
        }
        return at.node;
    }

    /**
     * A walk over a container's children in order. It keeps the rank of the next container as it
     * goes, so a step over a child costs no search (a search per step made a walk over a million
     * elements ten times slower).
     */
    private final class ChildSteps {
        int node;
        private int rank;

        ChildSteps(int container) {
            node = container + 1;
            rank = rank(container) + 1;
        }

        void next() {
            if (rank < containerCount && containerNode[rank] == node) {
                node = containerSkip[rank];
                rank = firstContainerFrom(rank + 1, node);
            } else {
                node++;
            }
        }
    }

    /** The rank of the first container at or after {@code node}, searched from rank {@code from} on (galloping: usually a step or two). */
    private int firstContainerFrom(int from, int node) {
        int lo = from;
        int step = 1;
        int hi = from;
        while (hi < containerCount && containerNode[hi] < node) {
            lo = hi + 1;
            hi = from + step;
            step <<= 1;
        }
        int i = java.util.Arrays.binarySearch(containerNode, lo, Math.min(hi + 1, containerCount), node);
        return i >= 0 ? i : -i - 1;
    }

    /** The rank of a container node. */
    private int rank(int container) {
        int hint = rankHint;
        if (hint < containerCount && containerNode[hint] == container) return hint;
        int rank = hint < containerCount && containerNode[hint] < container
                ? firstContainerFrom(hint + 1, container)
                : java.util.Arrays.binarySearch(containerNode, 0, containerCount, container);
        // asked for a scalar (children of a leaf), the search gives no rank: it must not become the hint
        if (rank >= 0 && rank < containerCount && containerNode[rank] == container) rankHint = rank;
        return rank;
    }

    /** The rank of the last container that opens before {@code node}, or -1. */
    private int lastContainerBefore(int node) {
        int i = java.util.Arrays.binarySearch(containerNode, 0, containerCount, node);
        return (i >= 0 ? i : -i - 1) - 1;
    }

    /**
     * The last open or close of a container before {@code node} in document order: the container's
     * rank when it opened, {@code -rank - 2} when it closed, -1 when there is none. The state of
     * the container stack at a node is the one that event left: the container itself when it
     * opened, its parent when it closed. Two binary searches, whatever the depth.
     */
    private int lastEventBefore(int node) {
        int opened = lastContainerBefore(node);
        if (opened < 0) return -1;
        // the last close at or before the node (a container closing right before it has skip == node)
        int lo = 0;
        int hi = containerCount - 1;
        int last = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (containerSkip[closeOrder[mid]] <= node) {
                last = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (last < 0) return opened;
        int closedRank = closeOrder[last];
        // an open at node n comes after a close at skip s (between nodes s - 1 and s) when n >= s
        return containerNode[opened] >= containerSkip[closedRank] ? opened : -closedRank - 2;
    }

    /** The rank of the node's parent, or -1 for the root. */
    private int parentRank(int node) {
        if (isContainer(node)) return containerParent[rank(node)];
        return openAfter(lastEventBefore(node));
    }

    /** The innermost container open after an event of {@link #lastEventBefore}: the one it opened, or the parent of the one it closed. */
    private int openAfter(int event) {
        return event >= -1 ? event : containerParent[-event - 2];
    }

    /** The member named {@code name} of an object node, or -1. */
    public int member(int node, String name) {
        if (type(node) != NodeType.OBJECT) return -1;
        // stepped over in place, names compared where they lie: a payload of 100,000 blocks asked each
        // block for its members, and decoding every name and copying the children took 100 MB a call
        ChildSteps at = new ChildSteps(node);
        for (int i = 0, n = childCount(node); i < n; i++, at.next()) {
            if (keyIs(at.node, name)) return at.node;
        }
        return -1;
    }

    /** Whether the node's member name is {@code name}; read in place when it is spelled in plain ASCII. */
    private boolean keyIs(int node, String name) {
        int quote = keyQuote(node);
        if (quote < 0) return false;
        int from = keySpellingStart(quote);
        int to = keySpellingEnd(quote);
        if (to - from == name.length()) {
            int i = 0;
            while (i < name.length() && data[from + i] == name.charAt(i) && data[from + i] != '\\') i++;
            if (i == name.length()) return true;
            if (data[from + i] >= 0 && data[from + i] != '\\' && name.charAt(i) < 0x80) return false;
        } else if (to - from < name.length() || isPlainAscii(from, to)) {
            // an escape is at least as long as what it spells; plain ASCII spells one character a byte
            return false;
        }
        return name.equals(key(node));
    }

    private boolean isPlainAscii(int from, int to) {
        for (int i = from; i < to; i++) if (data[i] < 0 || data[i] == '\\') return false;
        return true;
    }

    /** The element at {@code index} of an array node, or -1. */
    public int element(int node, int index) {
        if (type(node) != NodeType.ARRAY || index < 0 || index >= childCount(node)) return -1;
        return afterChildren(node, index, null);
    }

    FieldWeights lastFieldWeights() {
        return lastFieldWeights;
    }

    void lastFieldWeights(FieldWeights weights) {
        lastFieldWeights = weights;
    }

    /** Where the node's member name starts (its opening quote) in {@link #rawBytes()}, or -1 when it has none. */
    int keyQuote(int node) {
        int gap = keyGaps[node] & 0xFF;
        if (gap == 0) return -1;
        return gap == FAR_KEY ? farKeys.get(node) : base + start(node) - gap;
    }

    /** Where the node's literal starts, counted from {@link #base}. */
    private int start(int node) {
        return starts.get(node);
    }

    /** Where the node's literal starts (a string's opening quote) in {@link #rawBytes()}. */
    int literalStart(int node) {
        return base + start(node);
    }

    /** Just past the node's literal (a string's closing quote) in {@link #rawBytes()}. */
    int literalEnd(int node) {
        return base + end(node);
    }

    /** The bytes the offsets point into, shared: read, never write. */
    byte[] rawBytes() {
        return data;
    }

    /** Member name, or null for array elements and the root. */
    public String key(int node) {
        int quote = keyQuote(node);
        if (quote < 0) return null;
        if (!embedded) return JsonStrings.decode(data, quote, base + length, Integer.MAX_VALUE);
        byte[] name = unescaped(quote, base + start(node));
        return JsonStrings.decode(name, 0, name.length, Integer.MAX_VALUE);
    }

    /** Where the spelling of the member name whose quote is at {@code quote} starts: past its opening quote. */
    int keySpellingStart(int quote) {
        return embedded ? quote + EscapedText.width(data, quote, base + length) : quote + 1;
    }

    /** Where the spelling of the member name whose quote is at {@code quote} ends: at its closing quote. */
    int keySpellingEnd(int quote) {
        int i = keySpellingStart(quote);
        if (embedded) return EscapedText.closingQuote(data, i, base + length);
        while (data[i] != '"') i += data[i] == '\\' ? 2 : 1;
        return i;
    }

    /** Index within the parent array, or -1. */
    public int arrayIndex(int node) {
        if (keyGaps[node] != 0 || node == 0) return -1;
        if (isContainer(node)) return containerIndex[rank(node)];
        int event = lastEventBefore(node);
        int parent = openAfter(event);
        if (parent < 0 || type[containerNode[parent]] != NodeType.ARRAY.ordinal()) return -1;
        // the values since the array opened, or since its last container element closed, are scalars: one node each
        if (event >= 0) return node - containerNode[parent] - 1;
        int sibling = -event - 2;
        return containerIndex[sibling] + 1 + (node - containerSkip[sibling]);
    }

    /** The label of the node in its parent: the member name, {@code [i]}, or empty for the root. */
    public String label(int node) {
        String key = key(node);
        if (key != null) return key;
        int i = arrayIndex(node);
        return i >= 0 ? "[" + i + "]" : "";
    }

    /** RFC 6901 pointer from the document root. */
    public String pointer(int node) {
        int[] up = new int[8];
        int depth = 0;
        for (int n = node; n > 0; n = parent(n)) {
            if (depth == up.length) up = Arrays.copyOf(up, depth * 2);
            up[depth++] = n;
        }
        StringBuilder b = new StringBuilder(16 * Math.min(depth, 64));
        for (int d = depth - 1; d >= 0; d--) {
            int n = up[d];
            b.append('/');
            String key = key(n);
            if (key == null) {
                b.append(arrayIndex(n));
                continue;
            }
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c == '~') b.append("~0");
                else if (c == '/') b.append("~1");
                else b.append(c);
            }
        }
        return b.toString();
    }

    /** Resolves an RFC 6901 pointer to a node, or -1. */
    public int resolve(String pointer) {
        if (pointer.isEmpty()) return 0;
        if (!pointer.startsWith("/")) return -1;
        int node = 0;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String part = raw.replace("~1", "/").replace("~0", "~");
            node = switch (type(node)) {
                case OBJECT -> member(node, part);
                case ARRAY -> part.matches("\\d{1,9}") ? element(node, Integer.parseInt(part)) : -1;
                default -> -1;
            };
            if (node < 0) return -1;
        }
        return node;
    }

    /** Decoded string value of a STRING node; other nodes give their JSON text. */
    public String stringValue(int node) {
        if (type(node) == NodeType.STRING) return decoded(node, Integer.MAX_VALUE);
        return rawText(node);
    }

    /** The first {@code maxChars} characters of a STRING node's decoded value; only those are decoded. */
    public String stringHead(int node, int maxChars) {
        return decoded(node, maxChars);
    }

    private String decoded(int node, int maxChars) {
        Literal l = literal(node, maxChars);
        return JsonStrings.decode(l.bytes(), l.from(), l.to(), maxChars);
    }

    /** The length in bytes of a STRING node's literal as sent (quotes and escapes included). */
    public int literalBytes(int node) {
        return literalLength(node);
    }

    /** UTF-8 bytes of a STRING node's decoded value, without an intermediate String. */
    public byte[] stringBytes(int node) {
        Literal l = literal(node, Integer.MAX_VALUE);
        return JsonStrings.unescapeToUtf8(l.bytes(), l.from(), l.to());
    }

    /** The first character of a STRING node's value that is not whitespace, or 0. */
    public char firstNonBlankChar(int node) {
        Literal l = literal(node, Integer.MAX_VALUE);
        byte[] data = l.bytes();
        for (int i = l.from() + 1; i < l.to(); i++) {
            byte b = data[i];
            // the closing quote (a literal read in place may end before it, at the limit)
            if (b == '"') break;
            if (b == '\\' && i + 1 < l.to() && (data[i + 1] == 'n' || data[i + 1] == 't' || data[i + 1] == 'r')) {
                i++;
                continue;
            }
            if (b != ' ' && b != '\n' && b != '\t' && b != '\r') return (char) (b & 0xFF);
        }
        return 0;
    }

    /** A one-line preview, at most {@code maxChars}: strings decoded, containers summarized. */
    public String preview(int node, int maxChars) {
        return switch (type(node)) {
            case OBJECT -> "{" + childCount(node) + (childCount(node) == 1 ? " key}" : " keys}");
            case ARRAY -> "[" + childCount(node) + (childCount(node) == 1 ? " item]" : " items]");
            case STRING -> {
                String s = decoded(node, maxChars + 1);
                yield s.length() > maxChars ? s.substring(0, maxChars) + "…" : s;
            }
            default -> rawText(node);
        };
    }

    /** The node's JSON text exactly as received. */
    public String rawText(int node) {
        if (embedded) return new String(unescaped(base + start(node), base + end(node)), StandardCharsets.UTF_8);
        return new String(data, base + start(node), literalLength(node), StandardCharsets.UTF_8);
    }

    /** Raw bytes of the node, as a copy of at most {@code max} bytes. */
    public byte[] rawBytes(int node, int max) {
        if (embedded) {
            // a character takes at most 6 bytes as sent (a u-escape for one byte of text)
            int to = (int) Math.min(base + end(node), base + start(node) + 6L * max + 12);
            byte[] text = unescaped(base + start(node), EscapedText.boundary(data, base + start(node), to));
            return text.length <= max ? text : Arrays.copyOf(text, max);
        }
        int len = (int) Math.min(max, bytes(node));
        return Arrays.copyOfRange(data, base + start(node), base + start(node) + len);
    }

    /**
     * Up to {@code maxBytes} of the node's raw text starting {@code offset} bytes in (for paging).
     * In an embedded document both ends move back to a character's start, so pages never split an
     * escape and page after page they join into the node's text.
     */
    public String rawSlice(int node, long offset, int maxBytes) {
        long from = Math.min(bytes(node), Math.max(0, offset));
        int len = (int) Math.min(maxBytes, bytes(node) - from);
        int at = (int) (base + start(node) + from);
        if (embedded) {
            // counted from the node's start, a character's: a page in a long run of backslashes scans the run once
            int nodeStart = base + start(node);
            int to = at + len == base + end(node) ? at + len : EscapedText.boundary(data, nodeStart, at + len);
            return new String(unescaped(EscapedText.boundary(data, nodeStart, at), to), StandardCharsets.UTF_8);
        }
        return new String(data, at, len, StandardCharsets.UTF_8);
    }

    /** Writes the node's raw JSON to {@code out} without copying it (an embedded one unescaped a page at a time). */
    public void writeTo(int node, java.io.OutputStream out) throws java.io.IOException {
        if (!embedded) {
            out.write(data, base + start(node), literalLength(node));
            return;
        }
        byte[] page = new byte[64 * 1024];
        try (var in = new EscapedText.Stream(data, base + start(node), base + end(node))) {
            for (int n; (n = in.read(page, 0, page.length)) > 0; ) out.write(page, 0, n);
        }
    }

    /** Exact o200k_base tokens of the node's raw text (slow on huge nodes: call off the UI thread). */
    public long exactTokens(int node) {
        return TokenCounter.exact(rawText(node));
    }

    /** The node's children by size, biggest first, at most {@code limit} (for the treemap). */
    public List<Integer> biggestChildren(int node, int limit) {
        int[] kids = children(node);
        // each size found once (a scalar's is a scan of it), packed with the child's place: sorted,
        // the biggest come first and equal sizes keep document order
        long[] bySize = new long[kids.length];
        for (int i = 0; i < kids.length; i++) bySize[i] = (Integer.MAX_VALUE - bytes(kids[i])) << 32 | i;
        Arrays.sort(bySize);
        Integer[] biggest = new Integer[Math.min(limit, kids.length)];
        for (int i = 0; i < biggest.length; i++) biggest[i] = kids[(int) bySize[i]];
        return List.of(biggest);
    }

    /**
     * The next node after {@code from} (wrapping around) whose key or scalar value contains
     * {@code query}, case-insensitively; -1 when none. {@code forward=false} searches backwards.
     */
    public int search(String query, int from, boolean forward) {
        if (query.isEmpty() || count == 0) return -1;
        String q = query.toLowerCase(Locale.ROOT);
        for (int step = 1; step <= count; step++) {
            int n = Math.floorMod(from + (forward ? step : -step), count);
            if (matches(n, q)) return n;
        }
        return -1;
    }

    private boolean matches(int node, String lowerQuery) {
        String key = key(node);
        if (key != null && key.toLowerCase(Locale.ROOT).contains(lowerQuery)) return true;
        if (type(node).isContainer()) return false;
        String value = type(node) == NodeType.STRING ? stringValue(node) : rawText(node);
        return value.toLowerCase(Locale.ROOT).contains(lowerQuery);
    }

    /** String nodes whose member name the builder's key test accepted, in document order. */
    public java.util.BitSet flaggedKeys() {
        return (java.util.BitSet) flaggedKeys.clone();
    }

    /** The whole document as a one-byte-per-char string (a copy): fast vectorized searches for ASCII patterns. */
    public String latin1View() {
        return new String(data, base, length, StandardCharsets.ISO_8859_1);
    }

    /** Bytes {@code from..to} of the document as a one-byte-per-char string (a copy). */
    public String latin1View(long from, long to) {
        return new String(data, (int) (base + from), (int) (to - from), StandardCharsets.ISO_8859_1);
    }

    /** Bytes {@code from..to} of the document read one char per byte, in place: no copy, valid as long as the index. */
    public CharSequence latin1Chars(long from, long to) {
        return new Latin1Chars(data, (int) (base + from), (int) (to - from));
    }

    /** Offset of the node's first byte in the document. */
    public long startOffset(int node) {
        return start(node);
    }

    /** Offset just past the node's last byte. */
    public long endOffset(int node) {
        return end(node);
    }

    /** The deepest node whose raw text contains the byte at {@code offset}, or -1. */
    public int nodeAt(long offset) {
        int lo = 0;
        int hi = count - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (start(mid) <= offset) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        while (best >= 0 && end(best) <= offset) best = parent(best);
        return best;
    }

    /** Total raw size of the document. */
    public long totalBytes() {
        return length;
    }
}
