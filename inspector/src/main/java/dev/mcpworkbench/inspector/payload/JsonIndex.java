package dev.mcpworkbench.inspector.payload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A JSON document kept once as raw UTF-8 bytes plus a compact node index (parallel int arrays,
 * about 29 bytes per node) built by one streaming pass. Nodes are numbered in document order:
 * a container's first child is the next node, its next sibling is {@link #skip(int)}. Keys and
 * values are decoded from the bytes only when asked, so a 100 MB result never exists as a tree of
 * objects.
 */
public final class JsonIndex {

    static final int ROOT_KEY = -1;

    private final byte[] data;
    private final int base;
    private final int length;
    private final int count;
    private final int[] start;
    private final int[] end;
    private final int[] parent;
    private final int[] skip;
    private final int[] keyRef;
    /** Child count in the low 28 bits, {@link NodeType} ordinal in the top 4 (a 256 MB message has under 2^27 nodes). */
    private final int[] countAndType;
    /** Tokens per node; {@link #MANY_TOKENS} marks the few (big containers) kept in {@link #bigTokens}. */
    private final char[] tokens;
    private final java.util.Map<Integer, Integer> bigTokens = new java.util.HashMap<>();
    private final boolean exactTokens;
    private final java.util.BitSet flaggedKeys;
    /**
     * The last list aggregated by field ({@link FieldWeights#of}): OUTPUT-003, OUTPUT-007 and the
     * Fields tab ask for the same list's weights, and each aggregation of a 100 MB list walked
     * millions of members. Small (one entry per distinct field path), so it stays with the index.
     */
    private volatile FieldWeights lastFieldWeights;

    JsonIndex(byte[] data, int base, int length, int count, int[] start, int[] end, int[] parent, int[] skip,
              int[] keyRef, int[] childCount, int[] tokens, byte[] type, boolean exactTokens, java.util.BitSet flaggedKeys) {
        this.flaggedKeys = flaggedKeys;
        this.data = data;
        this.base = base;
        this.length = length;
        this.count = count;
        this.start = start;
        this.end = end;
        this.parent = parent;
        this.skip = skip;
        this.keyRef = keyRef;
        // Packed to keep a 100 MB document's index (4 million nodes and more) small: 6 bytes a node saved.
        for (int i = 0; i < count; i++) childCount[i] |= type[i] << TYPE_SHIFT;
        this.countAndType = childCount;
        this.tokens = new char[count];
        for (int i = 0; i < count; i++) {
            if (tokens[i] < MANY_TOKENS) this.tokens[i] = (char) tokens[i];
            else {
                this.tokens[i] = MANY_TOKENS;
                bigTokens.put(i, tokens[i]);
            }
        }
        this.exactTokens = exactTokens;
    }

    private static final int TYPE_SHIFT = 28;
    private static final int COUNT_MASK = (1 << TYPE_SHIFT) - 1;
    private static final char MANY_TOKENS = Character.MAX_VALUE;
    private static final NodeType[] TYPES = NodeType.values();

    public static JsonIndex of(byte[] json) throws InvalidJsonException {
        return JsonIndexBuilder.build(json, 0, json.length, PayloadLimits.defaults(), StringVisitor.NONE);
    }

    public static JsonIndex of(String json) throws InvalidJsonException {
        return of(json.getBytes(StandardCharsets.UTF_8));
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
        return TYPES[countAndType[node] >>> TYPE_SHIFT];
    }

    /** Serialized size of the node's value in bytes (UTF-8, as received). */
    public long bytes(int node) {
        return end[node] - start[node];
    }

    /** o200k_base tokens of the node, its member name included; exact or estimated, see {@link #tokensExact()}. */
    public long tokens(int node) {
        char t = tokens[node];
        return t == MANY_TOKENS ? bigTokens.get(node) : t;
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
        return parent[node];
    }

    public int childCount(int node) {
        return countAndType[node] & COUNT_MASK;
    }

    /** The node after this one's whole subtree (its next sibling, if it has one). */
    public int skip(int node) {
        return skip[node];
    }

    public int depth(int node) {
        int d = 0;
        for (int p = parent[node]; p >= 0; p = parent[p]) d++;
        return d;
    }

    public int[] children(int node) {
        int[] out = new int[childCount(node)];
        int c = node + 1;
        for (int i = 0; i < out.length; i++) {
            out[i] = c;
            c = skip[c];
        }
        return out;
    }

    /** The member named {@code name} of an object node, or -1. */
    public int member(int node, String name) {
        if (type(node) != NodeType.OBJECT) return -1;
        for (int c : children(node)) {
            if (name.equals(key(c))) return c;
        }
        return -1;
    }

    /** The element at {@code index} of an array node, or -1. */
    public int element(int node, int index) {
        if (type(node) != NodeType.ARRAY || index < 0 || index >= childCount(node)) return -1;
        int c = node + 1;
        for (int i = 0; i < index; i++) c = skip[c];
        return c;
    }

    FieldWeights lastFieldWeights() {
        return lastFieldWeights;
    }

    void lastFieldWeights(FieldWeights weights) {
        lastFieldWeights = weights;
    }

    /** Where the node's member name starts (its opening quote) in {@link #rawBytes()}, or -1 when it has none. */
    int keyQuote(int node) {
        return Math.max(-1, keyRef[node]);
    }

    /** Where the node's literal starts (a string's opening quote) in {@link #rawBytes()}. */
    int literalStart(int node) {
        return base + start[node];
    }

    /** Just past the node's literal (a string's closing quote) in {@link #rawBytes()}. */
    int literalEnd(int node) {
        return base + end[node];
    }

    /** The bytes the offsets point into, shared: read, never write. */
    byte[] rawBytes() {
        return data;
    }

    /** Member name, or null for array elements and the root. */
    public String key(int node) {
        int ref = keyRef[node];
        return ref >= 0 ? JsonStrings.decode(data, ref, base + length, Integer.MAX_VALUE) : null;
    }

    /** Index within the parent array, or -1. */
    public int arrayIndex(int node) {
        int ref = keyRef[node];
        return ref <= -2 ? -ref - 2 : -1;
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
        List<String> parts = new ArrayList<>();
        for (int n = node; parent[n] >= 0; n = parent[n]) {
            String key = key(n);
            parts.add(key != null ? key.replace("~", "~0").replace("/", "~1") : Integer.toString(arrayIndex(n)));
        }
        StringBuilder b = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) b.append('/').append(parts.get(i));
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
        if (type(node) == NodeType.STRING) return JsonStrings.decode(data, base + start[node], base + end[node], Integer.MAX_VALUE);
        return rawText(node);
    }

    /** The first {@code maxChars} characters of a STRING node's decoded value; only those are decoded. */
    public String stringHead(int node, int maxChars) {
        return JsonStrings.decode(data, base + start[node], base + end[node], maxChars);
    }

    /** The length in bytes of a STRING node's literal as sent (quotes and escapes included). */
    public int literalBytes(int node) {
        return end[node] - start[node];
    }

    /** UTF-8 bytes of a STRING node's decoded value, without an intermediate String. */
    public byte[] stringBytes(int node) {
        return JsonStrings.unescapeToUtf8(data, base + start[node], base + end[node]);
    }

    /** The first character of a STRING node's value that is not whitespace, or 0. */
    public char firstNonBlankChar(int node) {
        for (int i = base + start[node] + 1; i < base + end[node] - 1; i++) {
            byte b = data[i];
            if (b == '\\' && i + 1 < base + end[node] && (data[i + 1] == 'n' || data[i + 1] == 't' || data[i + 1] == 'r')) {
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
                String s = JsonStrings.decode(data, base + start[node], base + end[node], maxChars + 1);
                yield s.length() > maxChars ? s.substring(0, maxChars) + "…" : s;
            }
            default -> rawText(node);
        };
    }

    /** The node's JSON text exactly as received. */
    public String rawText(int node) {
        return new String(data, base + start[node], end[node] - start[node], StandardCharsets.UTF_8);
    }

    /** Raw bytes of the node, as a copy of at most {@code max} bytes. */
    public byte[] rawBytes(int node, int max) {
        int len = (int) Math.min(max, bytes(node));
        return Arrays.copyOfRange(data, base + start[node], base + start[node] + len);
    }

    /** Up to {@code maxBytes} of the node's raw text starting {@code offset} bytes in (for paging). */
    public String rawSlice(int node, long offset, int maxBytes) {
        long from = Math.min(bytes(node), Math.max(0, offset));
        int len = (int) Math.min(maxBytes, bytes(node) - from);
        return new String(data, (int) (base + start[node] + from), len, StandardCharsets.UTF_8);
    }

    /** Writes the node's raw JSON to {@code out} without copying it. */
    public void writeTo(int node, java.io.OutputStream out) throws java.io.IOException {
        out.write(data, base + start[node], end[node] - start[node]);
    }

    /** Exact o200k_base tokens of the node's raw text (slow on huge nodes: call off the UI thread). */
    public long exactTokens(int node) {
        return TokenCounter.exact(rawText(node));
    }

    /** The node's children by size, biggest first, at most {@code limit} (for the treemap). */
    public List<Integer> biggestChildren(int node, int limit) {
        int[] kids = children(node);
        Integer[] boxed = new Integer[kids.length];
        for (int i = 0; i < kids.length; i++) boxed[i] = kids[i];
        Arrays.sort(boxed, Comparator.comparingLong((Integer n) -> bytes(n)).reversed());
        return List.of(boxed).subList(0, Math.min(limit, boxed.length));
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
        return start[node];
    }

    /** Offset just past the node's last byte. */
    public long endOffset(int node) {
        return end[node];
    }

    /** The deepest node whose raw text contains the byte at {@code offset}, or -1. */
    public int nodeAt(long offset) {
        int lo = 0;
        int hi = count - 1;
        int best = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] <= offset) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        while (best >= 0 && end[best] <= offset) best = parent[best];
        return best;
    }

    /** Total raw size of the document. */
    public long totalBytes() {
        return length;
    }
}
