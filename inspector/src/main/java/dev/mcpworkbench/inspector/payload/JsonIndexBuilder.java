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
    private int count;
    private int[] start;
    private int[] end;
    private int[] parent;
    private int[] skip;
    private int[] keyRef;
    private int[] childCount;
    private int[] tokens;
    private byte[] type;
    private int[] stack = new int[64];
    private final java.util.Map<String, Integer> keyTokenCache = new java.util.HashMap<>();
    private final java.util.Map<String, Boolean> keyFlagCache = new java.util.HashMap<>();
    private java.util.function.Predicate<String> keyFlag;
    private final java.util.BitSet flagged = new java.util.BitSet();
    /** One view for the token estimate of every string (a view per string was millions of objects). */
    private final TokenCounter.Utf8Text utf8Text = new TokenCounter.Utf8Text();
    private int depth;
    /** The first byte after the last token read; see {@link #nextTokenStart()}. */
    private int cursor;

    private JsonIndexBuilder(byte[] data, int from, int length, boolean exact, StringVisitor visitor) {
        this.data = data;
        this.from = from;
        this.limit = from + length;
        this.exact = exact;
        this.visitor = visitor;
        // a value takes at least two bytes with its separator: a bound for text that is not JSON
        int capacity = Math.max(16, Math.min(JsonValueCount.of(data, from, from + length), length / 2 + 16));
        start = new int[capacity];
        end = new int[capacity];
        parent = new int[capacity];
        skip = new int[capacity];
        keyRef = new int[capacity];
        childCount = new int[capacity];
        tokens = new int[capacity];
        type = new byte[capacity];
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
        JsonIndexBuilder b = new JsonIndexBuilder(data, offset, length, length <= limits.exactTokenBytes(), visitor);
        b.keyFlag = keyFlag;
        b.parse(factory(limits));
        b.trim();
        b.relativeToStart();
        return new JsonIndex(data, offset, length, b.count, b.start, b.end, b.parent, b.skip, b.keyRef,
                b.childCount, b.tokens, b.type, b.exact, b.flagged);
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
        try (JsonParser p = factory.createParser(data, from, limit - from)) {
            cursor = from + (hasByteOrderMark() ? 3 : 0);
            int pendingKey = JsonIndex.ROOT_KEY;
            String pendingName = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> {
                        pendingKey = nextTokenStart();
                        cursor = closingQuote(pendingKey) + 1;
                        pendingName = p.currentName();
                    }
                    case START_OBJECT, START_ARRAY -> {
                        int at = nextTokenStart();
                        cursor = at + 1;
                        int node = open(at, t == JsonToken.START_OBJECT ? NodeType.OBJECT : NodeType.ARRAY, pendingKey);
                        tokens[node] = 2 + keyTokens(pendingName);
                        push(node);
                        pendingName = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        cursor = nextTokenStart() + 1;
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
        while (i < limit) {
            byte b = data[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != ',' && b != ':') break;
            i++;
        }
        return i;
    }

    private boolean hasByteOrderMark() {
        return limit - from >= 3 && data[from] == (byte) 0xEF && data[from + 1] == (byte) 0xBB && data[from + 2] == (byte) 0xBF;
    }

    /** End of the number literal starting at {@code from}. */
    private int numberEnd(int from) {
        int i = from;
        while (i < limit) {
            byte b = data[i];
            if ((b < '0' || b > '9') && b != '-' && b != '+' && b != '.' && b != 'e' && b != 'E') break;
            i++;
        }
        return i;
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
        if (nt == NodeType.STRING) {
            // the string's text is never materialized unless someone needs it: its end is found
            // in the bytes, and Jackson skips the content when the next token is requested
            int close = closingQuote(start[node]);
            end[node] = close + 1;
            if (visitor != StringVisitor.NONE) visitor.onString(node, depth, name, p.getText());
            if (keyFlag != null && name != null && flagsKey(name)) flagged.set(node);
            valueTokens = 1 + (exact ? TokenCounter.exact(JsonStrings.decode(data, start[node], end[node], Integer.MAX_VALUE))
                    : TokenCounter.estimate(utf8Text.of(data, start[node] + 1, close)));
        } else {
            end[node] = switch (t) {
                case VALUE_TRUE -> at + 4;
                case VALUE_FALSE -> at + 5;
                case VALUE_NULL -> at + 4;
                default -> numberEnd(at);
            };
            valueTokens = 1;
        }
        cursor = end[node];
        skip[node] = node + 1;
        tokens[node] = valueTokens + keyTokens(name);
        addToParent(node);
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

    /** Offset of the quote closing the string literal that opens at {@code quote}. */
    private int closingQuote(int quote) {
        int i = quote + 1;
        while (i < limit) {
            byte b = data[i];
            if (b == '"') return i;
            i += b == '\\' ? 2 : 1;
        }
        return limit - 1;
    }

    private int keyTokens(String name) {
        if (name == null) return 0;
        // member names repeat (Jackson interns them): count each distinct name once
        Integer cached = keyTokenCache.get(name);
        if (cached != null) return cached;
        int n = 1 + (exact ? TokenCounter.exact(name) : TokenCounter.estimate(name));
        if (keyTokenCache.size() < 50_000) keyTokenCache.put(name, n);
        return n;
    }

    private int open(int offset, NodeType nt, int pendingKey) {
        ensureCapacity();
        int node = count++;
        int parentNode = depth == 0 ? -1 : stack[depth - 1];
        start[node] = offset;
        parent[node] = parentNode;
        type[node] = (byte) nt.ordinal();
        keyRef[node] = parentNode >= 0 && type[parentNode] == NodeType.ARRAY.ordinal()
                ? -(childCount[parentNode] + 2)
                : pendingKey;
        if (parentNode >= 0) childCount[parentNode]++;
        return node;
    }

    private void addToParent(int node) {
        if (depth > 0) tokens[stack[depth - 1]] += tokens[node];
    }

    private void push(int node) {
        if (depth == stack.length) stack = Arrays.copyOf(stack, depth * 2);
        stack[depth++] = node;
    }

    private void close(int endOffset) {
        int node = stack[--depth];
        end[node] = endOffset;
        skip[node] = count;
        addToParent(node);
    }

    /**
     * Node offsets count from the document's first byte (the index's base); member-name offsets
     * ({@code keyRef}) stay positions in the whole array, as {@link JsonIndex} reads them.
     */
    private void relativeToStart() {
        if (from == 0) return;
        for (int i = 0; i < count; i++) {
            start[i] -= from;
            end[i] -= from;
        }
    }

    /** Drops unused capacity so a small document does not keep arrays sized for a big one. */
    private void trim() {
        if (start.length - count < 1024) return;
        start = Arrays.copyOf(start, count);
        end = Arrays.copyOf(end, count);
        parent = Arrays.copyOf(parent, count);
        skip = Arrays.copyOf(skip, count);
        keyRef = Arrays.copyOf(keyRef, count);
        childCount = Arrays.copyOf(childCount, count);
        tokens = Arrays.copyOf(tokens, count);
        type = Arrays.copyOf(type, count);
    }

    private void ensureCapacity() {
        if (count < start.length) return;
        int n = (int) Math.min(Integer.MAX_VALUE - 8, start.length + (long) start.length / 2 + 16);
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        parent = Arrays.copyOf(parent, n);
        skip = Arrays.copyOf(skip, n);
        keyRef = Arrays.copyOf(keyRef, n);
        childCount = Arrays.copyOf(childCount, n);
        tokens = Arrays.copyOf(tokens, n);
        type = Arrays.copyOf(type, n);
    }
}
