package dev.mcpworkbench.inspector.payload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.Arrays;

/**
 * Builds a {@link JsonIndex} in one pass of Jackson's streaming parser: no tree, no recursion (an
 * explicit stack of open containers), sizes from token offsets, token counts per string summed
 * up the stack when a container closes.
 */
final class JsonIndexBuilder {

    private final byte[] data;
    /** Where the document starts in {@link #data}; offsets are kept absolute while parsing. */
    private final int from;
    /** The first byte after the document. */
    private final int limit;
    private final StringVisitor visitor;
    private final boolean exact;
    /**
     * Whether the document is the content of a JSON string literal, read as sent ({@link EscapedText}):
     * offsets and lengths then count the escaped bytes, and every scan steps over units, not bytes.
     */
    private final boolean embedded;
    private int count;
    private final StartOffsets.Builder start;
    private byte[] type;
    private byte[] keyGaps;
    /** Tokens per value, kept only when they are exact: estimated, a scalar's are computed again from its bytes ({@link EstimatedTokens}). */
    private char[] tokens;
    private final SparseInts.Builder longLengths = new SparseInts.Builder();
    private final SparseInts.Builder farKeys = new SparseInts.Builder();
    private final SparseInts.Builder manyTokens = new SparseInts.Builder();
    /** Containers by rank (document order): their node, the node after them, children, array index, parent rank, length, tokens. */
    private int containers;
    private int[] containerNode;
    private int[] containerSkip;
    private int[] containerChildren;
    private int[] containerIndex;
    private int[] containerParent;
    private char[] containerLengths;
    /** Null when tokens are exact: they are then in {@link #tokens} with every value's. */
    private char[] containerTokens;
    /** The ranks of the containers in the order they closed (see {@link JsonIndex#parentRank}). */
    private int[] closeOrder;
    private int closed;
    /** Ranks of the open containers. */
    private int[] stack = new int[64];
    /** Tokens summed while each open container is open; written to the container's tokens when it closes. */
    private int[] stackTokens = new int[64];
    /** Where each open container starts in {@link #data}: its length is known when it closes. */
    private int[] stackStart = new int[64];
    private final java.util.Map<String, Integer> keyTokenCache = new java.util.HashMap<>();
    private final java.util.Map<String, Boolean> keyFlagCache = new java.util.HashMap<>();
    private java.util.function.Predicate<String> keyFlag;
    private final java.util.BitSet flagged = new java.util.BitSet();
    /** One view for the token estimate of every string (a view per string was millions of objects). */
    private final TokenCounter.Utf8Text utf8Text = new TokenCounter.Utf8Text();
    private int depth;
    /** The first byte after the last token read; see {@link #nextTokenStart()}. */
    private int cursor;

    private JsonIndexBuilder(byte[] data, int from, int length, boolean embedded, boolean exact, StringVisitor visitor,
                             long maxIndexBytes) throws IndexTooLargeException {
        this.data = data;
        this.from = from;
        this.limit = from + length;
        this.embedded = embedded;
        this.exact = exact;
        this.visitor = visitor;
        // a value takes at least two bytes with its separator: a bound for text that is not JSON
        JsonValueCount counted = embedded ? JsonValueCount.ofEscaped(data, from, from + length) : JsonValueCount.of(data, from, from + length);
        long indexBytes = JsonIndex.bytesFor(counted, exact);
        if (indexBytes > maxIndexBytes) throw new IndexTooLargeException(counted.values(), indexBytes, maxIndexBytes);
        int capacity = Math.max(16, Math.min(counted.values(), length / 2 + 16));
        start = new StartOffsets.Builder(capacity);
        type = new byte[capacity];
        keyGaps = new byte[capacity];
        tokens = exact ? new char[capacity] : null;
        int containerCapacity = Math.max(16, Math.min(counted.containers(), capacity));
        containerNode = new int[containerCapacity];
        containerSkip = new int[containerCapacity];
        containerChildren = new int[containerCapacity];
        containerIndex = new int[containerCapacity];
        containerParent = new int[containerCapacity];
        containerLengths = new char[containerCapacity];
        containerTokens = exact ? null : new char[containerCapacity];
        closeOrder = new int[containerCapacity];
    }

    static JsonIndex build(byte[] data, int offset, int length, PayloadLimits limits, StringVisitor visitor)
            throws InvalidJsonException {
        return build(data, offset, length, limits, visitor, null);
    }

    /**
     * @param keyFlag marks string nodes whose member name it accepts (asked once per distinct
     *                name), e.g. secret-sounding names for the secret scan; may be null
     */
    static JsonIndex build(byte[] data, int offset, int length, PayloadLimits limits, StringVisitor visitor,
                           java.util.function.Predicate<String> keyFlag) throws InvalidJsonException {
        // a slice (the result member of a message) is read in place: no copy of its bytes
        return build(data, offset, length, false, limits, visitor, keyFlag);
    }

    /**
     * Indexes the JSON text held in the string literal {@code data[quote, end)} (its quotes included)
     * where it lies, escaped: a 100 MB JSON text block unescaped into a copy was 84 MB more alive
     * with the message while the result was checked (issue 22's memory bound).
     */
    static JsonIndex buildEmbedded(byte[] data, int quote, int end, PayloadLimits limits,
                                   java.util.function.Predicate<String> keyFlag) throws InvalidJsonException {
        return build(data, quote + 1, end - 1 - (quote + 1), true, limits, StringVisitor.NONE, keyFlag);
    }

    private static JsonIndex build(byte[] data, int offset, int length, boolean embedded, PayloadLimits limits,
                                   StringVisitor visitor, java.util.function.Predicate<String> keyFlag) throws InvalidJsonException {
        JsonIndexBuilder b = new JsonIndexBuilder(data, offset, length, embedded, length <= limits.exactTokenBytes(), visitor,
                limits.maxIndexBytes());
        b.keyFlag = keyFlag;
        b.parse(factory(limits));
        b.trim();
        return new JsonIndex(data, offset, length, embedded, b.nodes(), b.containers(), b.exact, b.flagged);
    }

    private JsonIndex.Nodes nodes() {
        return new JsonIndex.Nodes(count, start.build(), type, longLengths.build(), keyGaps, farKeys.build(), tokens, manyTokens.build());
    }

    private JsonIndex.Containers containers() {
        return new JsonIndex.Containers(containers, containerNode, containerSkip, containerChildren, containerIndex,
                containerParent, closeOrder, containerLengths, containerTokens);
    }

    static JsonFactory factory(PayloadLimits limits) {
        int max = (int) Math.min(Integer.MAX_VALUE, limits.maxMessageBytes());
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(max)
                        .maxNameLength(max)
                        .maxNumberLength(max)
                        .maxDocumentLength(limits.maxMessageBytes())
                        .build())
                .build();
    }

    private void parse(JsonFactory factory) throws InvalidJsonException {
        try (JsonParser p = embedded ? factory.createParser(new EscapedText.Stream(data, from, limit))
                : factory.createParser(data, from, limit - from)) {
            cursor = from + byteOrderMark();
            int pendingKey = JsonIndex.ROOT_KEY;
            String pendingName = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> {
                        pendingKey = nextTokenStart();
                        cursor = after(LiteralEnds.closingQuote(data, pendingKey, limit, embedded));
                        pendingName = p.currentName();
                    }
                    case START_OBJECT, START_ARRAY -> {
                        int at = nextTokenStart();
                        cursor = after(at);
                        int node = open(at, t == JsonToken.START_OBJECT ? NodeType.OBJECT : NodeType.ARRAY, pendingKey);
                        int rank = openContainer(node);
                        push(rank, 2 + keyTokens(pendingName), at);
                        pendingName = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        cursor = after(nextTokenStart());
                        close(cursor);
                    }
                    default -> {
                        scalar(p, t, pendingKey, pendingName);
                        pendingName = null;
                    }
                }
                if (t != JsonToken.FIELD_NAME) pendingKey = JsonIndex.ROOT_KEY;
            }
            if (count == 0) throw new InvalidJsonException("Empty document: no JSON value", 0, null);
        } catch (JsonProcessingException e) {
            long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            throw new InvalidJsonException(describe(e) + (offset >= 0 ? " (at byte " + offset + ")" : ""), offset, e);
        } catch (IOException e) {
            throw new InvalidJsonException("Unreadable JSON: " + e.getMessage(), -1, e);
        }
    }

    private static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) m = e.getClass().getSimpleName();
        int cut = m.indexOf('\n');
        return (cut > 0 ? m.substring(0, cut) : m).trim();
    }

    /**
     * Where the token Jackson just returned starts: the first byte after the previous token that is
     * not whitespace or a separator (Jackson has validated the syntax, and allows no comments).
     * Asking Jackson (currentTokenLocation, currentLocation) allocated a location object per token:
     * for a 100 MB array of small objects, millions of them, a fifth of all the indexing allocated.
     */
    private int nextTokenStart() {
        int i = cursor;
        if (embedded) {
            while (i < limit) {
                int u = EscapedText.unit(data, i, limit);
                if (u != ' ' && u != '\n' && u != '\r' && u != '\t' && u != ',' && u != ':') break;
                i += EscapedText.width(data, i, limit);
            }
            return i;
        }
        while (i < limit) {
            byte b = data[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != ',' && b != ':') break;
            i++;
        }
        return i;
    }

    /** The bytes of a byte order mark opening the document, which Jackson steps over: 0 when there is none. */
    private int byteOrderMark() {
        if (limit - from >= 3 && data[from] == (byte) 0xEF && data[from + 1] == (byte) 0xBB && data[from + 2] == (byte) 0xBF) return 3;
        // an embedded text may send it escaped
        return embedded && limit > from && EscapedText.unit(data, from, limit) == 0xFEFF ? EscapedText.width(data, from, limit) : 0;
    }

    /** The first byte after the character at {@code i}: the next one, or past the escape an embedded document has there. */
    private int after(int i) {
        return LiteralEnds.after(data, i, limit, embedded);
    }

    private void scalar(JsonParser p, JsonToken t, int pendingKey, String name) throws IOException {
        NodeType nt = switch (t) {
            case VALUE_STRING -> NodeType.STRING;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NodeType.NUMBER;
            case VALUE_TRUE, VALUE_FALSE -> NodeType.BOOLEAN;
            default -> NodeType.NULL;
        };
        int at = nextTokenStart();
        int node = open(at, nt, pendingKey);
        int valueTokens;
        int end;
        if (nt == NodeType.STRING) {
            // the string's text is never materialized unless someone needs it: its end is found
            // in the bytes, and Jackson skips the content when the next token is requested
            int close = LiteralEnds.closingQuote(data, at, limit, embedded);
            end = after(close);
            if (visitor != StringVisitor.NONE) visitor.onString(node, depth, name, p.getText());
            if (keyFlag != null && name != null && flagsKey(name)) flagged.set(node);
            // an embedded string's estimate reads it as sent: its escapes count as the characters they are written with
            valueTokens = exact ? 1 + TokenCounter.exact(embedded ? p.getText() : JsonStrings.decode(data, at, end, Integer.MAX_VALUE))
                    : EstimatedTokens.ofString(utf8Text, data, after(at), close);
        } else {
            end = LiteralEnds.leafEnd(data, at, limit, embedded, nt.ordinal());
            valueTokens = EstimatedTokens.ofOtherScalar();
        }
        cursor = end;
        int total = valueTokens + keyTokens(name);
        if (exact) tokens(node, total);
        // a member name counts in the value's tokens: a long name makes the value long too
        if (end - at >= JsonIndex.LONG_LITERAL || pendingKey >= 0 && at - pendingKey >= JsonIndex.LONG_LITERAL) {
            // a long literal's end and tokens are kept: found again, they would take a scan of it per ask
            type[node] |= JsonIndex.LONG_LEAF;
            longLengths.put(node, end - at);
            if (!exact) manyTokens.put(node, total);
        }
        addToParent(total);
    }

    /**
     * Whether the key test accepts {@code name}, asked once per distinct name. Not through
     * {@code computeIfAbsent(name, keyFlag::test)}: that made a method reference per string.
     */
    private boolean flagsKey(String name) {
        Boolean known = keyFlagCache.get(name);
        if (known == null) {
            known = keyFlag.test(name);
            keyFlagCache.put(name, known);
        }
        return known;
    }

    private int keyTokens(String name) {
        if (name == null) return 0;
        // member names repeat (Jackson interns them): count each distinct name once
        Integer cached = keyTokenCache.get(name);
        if (cached != null) return cached;
        int n = exact ? 1 + TokenCounter.exact(name) : EstimatedTokens.ofKey(name);
        if (keyTokenCache.size() < 50_000) keyTokenCache.put(name, n);
        return n;
    }

    private int open(int offset, NodeType nt, int pendingKey) {
        ensureCapacity();
        int node = count++;
        int parentRank = depth == 0 ? -1 : stack[depth - 1];
        start.add(offset - from);
        type[node] = (byte) nt.ordinal();
        boolean member = parentRank >= 0 && type[containerNode[parentRank]] == NodeType.OBJECT.ordinal();
        if (member) keyGap(node, offset - pendingKey, pendingKey);
        if (parentRank >= 0) containerChildren[parentRank]++;
        return node;
    }

    private int openContainer(int node) {
        ensureContainerCapacity();
        int rank = containers++;
        int parentRank = depth == 0 ? -1 : stack[depth - 1];
        containerNode[rank] = node;
        containerParent[rank] = parentRank;
        // the parent's count already includes this one
        containerIndex[rank] = parentRank >= 0 && type[containerNode[parentRank]] == NodeType.ARRAY.ordinal()
                ? containerChildren[parentRank] - 1 : -1;
        return rank;
    }

    /** A member name's quote is a few bytes before its value; the rare far one is kept aside, absolute. */
    private void keyGap(int node, int gap, int keyQuote) {
        if (gap < JsonIndex.FAR_KEY) {
            keyGaps[node] = (byte) gap;
        } else {
            keyGaps[node] = (byte) JsonIndex.FAR_KEY;
            farKeys.put(node, keyQuote);
        }
    }

    private void tokens(int node, int n) {
        tokens[node] = narrow(n, node, manyTokens);
    }

    /** {@code n} in a two-byte column, or the mark for "kept aside" with {@code n} put aside for the node. */
    private static char narrow(int n, int node, SparseInts.Builder aside) {
        if (n < JsonIndex.WIDE) return (char) n;
        aside.put(node, n);
        return JsonIndex.WIDE;
    }

    private void addToParent(int tokenCount) {
        if (depth > 0) stackTokens[depth - 1] += tokenCount;
    }

    private void push(int rank, int tokenCount, int at) {
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
            stackTokens = Arrays.copyOf(stackTokens, depth * 2);
            stackStart = Arrays.copyOf(stackStart, depth * 2);
        }
        stackTokens[depth] = tokenCount;
        stackStart[depth] = at;
        stack[depth++] = rank;
    }

    private void close(int endOffset) {
        int rank = stack[--depth];
        int total = stackTokens[depth];
        int node = containerNode[rank];
        containerLengths[rank] = narrow(endOffset - stackStart[depth], node, longLengths);
        containerSkip[rank] = count;
        closeOrder[closed++] = rank;
        if (exact) tokens(node, total);
        else containerTokens[rank] = narrow(total, node, manyTokens);
        addToParent(total);
    }

    /** Drops unused capacity so a small document does not keep arrays sized for a big one. */
    private void trim() {
        if (type.length - count >= 1024) {
            type = Arrays.copyOf(type, count);
            keyGaps = Arrays.copyOf(keyGaps, count);
            if (tokens != null) tokens = Arrays.copyOf(tokens, count);
        }
        if (containerNode.length - containers >= 1024) {
            containerNode = Arrays.copyOf(containerNode, containers);
            containerSkip = Arrays.copyOf(containerSkip, containers);
            containerChildren = Arrays.copyOf(containerChildren, containers);
            containerIndex = Arrays.copyOf(containerIndex, containers);
            containerParent = Arrays.copyOf(containerParent, containers);
            containerLengths = Arrays.copyOf(containerLengths, containers);
            if (containerTokens != null) containerTokens = Arrays.copyOf(containerTokens, containers);
            closeOrder = Arrays.copyOf(closeOrder, containers);
        }
    }

    private void ensureCapacity() {
        if (count < type.length) return;
        int n = grown(type.length);
        type = Arrays.copyOf(type, n);
        keyGaps = Arrays.copyOf(keyGaps, n);
        if (tokens != null) tokens = Arrays.copyOf(tokens, n);
    }

    private void ensureContainerCapacity() {
        if (containers < containerNode.length) return;
        int n = grown(containerNode.length);
        containerNode = Arrays.copyOf(containerNode, n);
        containerSkip = Arrays.copyOf(containerSkip, n);
        containerChildren = Arrays.copyOf(containerChildren, n);
        containerIndex = Arrays.copyOf(containerIndex, n);
        containerParent = Arrays.copyOf(containerParent, n);
        containerLengths = Arrays.copyOf(containerLengths, n);
        if (containerTokens != null) containerTokens = Arrays.copyOf(containerTokens, n);
        closeOrder = Arrays.copyOf(closeOrder, n);
    }

    private static int grown(int length) {
        return (int) Math.min(Integer.MAX_VALUE - 8, length + (long) length / 2 + 16);
    }
}
