package dev.mcpworkbench.inspector.traffic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Reads a received message's bytes into the same tree {@code readTree} builds, except that each
 * string value of {@code longText} bytes or more stays in the bytes as a {@link LongTextNode}: the
 * parser skips its content instead of decoding it. No recursion: as deep as the parser allows.
 *
 * <p>The value of a {@code structuredContent} or {@code _meta} member that is an object or array of
 * {@code lazyContainer} bytes or more stays in the bytes too ({@link LazyContainer}): the parser
 * walks over it (checking it is well formed) without building it, and it is parsed, with this
 * reader, when first used. That JSON is the tool's or the server's own, often a copy of a text
 * block, and as a tree of small nodes it cost some eight times its size.
 */
final class MessageTreeReader {

    /** Strings shorter than this are decoded as usual: below a megabyte a copy costs little. */
    static final int LONG_TEXT_BYTES = 1 << 20;

    private final int longText;
    private final int lazyContainer;

    /** Long strings stay in the bytes; every container is built. */
    MessageTreeReader(int longText) {
        this(longText, Integer.MAX_VALUE);
    }

    MessageTreeReader(int longText, int lazyContainer) {
        this.longText = longText;
        this.lazyContainer = lazyContainer;
    }

    JsonNode read(byte[] utf8) throws IOException {
        return read(utf8, 0, utf8.length);
    }

    /** The one JSON value in {@code utf8[from, to)}; offsets of nodes left in the bytes are into the whole array. */
    JsonNode read(byte[] utf8, int from, int to) throws IOException {
        JsonNodeFactory nodes = SnapshotJson.MAPPER.getNodeFactory();
        // a parser over part of an array counts its byte offsets from the part's start
        try (JsonParser p = SnapshotJson.MAPPER.getFactory().createParser(utf8, from, to - from)) {
            ArrayDeque<ContainerNode<?>> open = new ArrayDeque<>();
            // whether each open container lies in content blocks (see PAYLOAD_TEXT_BYTES), and how many do
            ArrayDeque<Boolean> inBlocks = new ArrayDeque<>();
            int blocksOpen = 0;
            String name = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonNode value;
                switch (t) {
                    case FIELD_NAME -> {
                        name = p.currentName();
                        continue;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        ContainerNode<?> done = open.pop();
                        if (inBlocks.pop()) blocksOpen--;
                        if (open.isEmpty()) return done;
                        continue;
                    }
                    case START_OBJECT, START_ARRAY -> {
                        JsonNode whole = open.peek() instanceof ObjectNode && isServersOwnJson(name) ? readPast(p, utf8, from, nodes) : null;
                        if (whole == null) value = t == JsonToken.START_OBJECT ? nodes.objectNode() : nodes.arrayNode();
                        else {
                            ((ObjectNode) open.peek()).set(name, whole);
                            continue;  // the parser is past its end already
                        }
                    }
                    case VALUE_STRING -> value = string(p, utf8, from, nodes,
                            blocksOpen > 0 && open.peek() instanceof ObjectNode && isPayloadText(name)
                                    ? Math.min(longText, PAYLOAD_TEXT_BYTES) : longText);
                    case VALUE_NUMBER_INT -> value = switch (p.getNumberType()) {
                        case INT -> nodes.numberNode(p.getIntValue());
                        case LONG -> nodes.numberNode(p.getLongValue());
                        default -> nodes.numberNode(p.getBigIntegerValue());
                    };
                    case VALUE_NUMBER_FLOAT -> value = nodes.numberNode(p.getDoubleValue());
                    case VALUE_TRUE -> value = nodes.booleanNode(true);
                    case VALUE_FALSE -> value = nodes.booleanNode(false);
                    case VALUE_NULL -> value = nodes.nullNode();
                    default -> value = nodes.pojoNode(p.getEmbeddedObject());
                }
                ContainerNode<?> parent = open.peek();
                if (parent instanceof ObjectNode object) object.set(name, value);
                else if (parent instanceof ArrayNode array) array.add(value);
                if (value instanceof ContainerNode<?> container) {
                    boolean blocks = parent instanceof ObjectNode && isBlockList(name);
                    inBlocks.push(blocks);
                    if (blocks) blocksOpen++;
                    open.push(container);
                }
                else if (parent == null) return value;
            }
            if (!open.isEmpty()) throw new IOException("the message ends inside a JSON value");
            return MissingNode.getInstance();
        }
    }

    /**
     * A content block's {@code text}, {@code data} (base64 media) or {@code blob} of this many bytes
     * or more stays in the bytes too, when the reader leaves long strings there at all: views read a
     * bounded head of each, and a result of 100,000 text blocks of 1 KB kept some 200 MB of them
     * decoded in its tree, twice the message. A node costs some 40 bytes, a decoded kilobyte 1 to 2 KB.
     * Only within a {@code content}, {@code contents} or {@code messages} member (a result's blocks,
     * a resource's contents, a prompt's messages): other strings (names, descriptions, a tool's
     * definition) are decoded, since the session and the snapshots compare them with trees read
     * elsewhere, and a plain TextNode does not equal a LongTextNode.
     */
    static final int PAYLOAD_TEXT_BYTES = 256;

    private static boolean isPayloadText(String member) {
        return "text".equals(member) || "data".equals(member) || "blob".equals(member);
    }

    private static boolean isBlockList(String member) {
        return "content".equals(member) || "contents".equals(member) || "messages".equals(member);
    }

    /** Members whose value is the server's own JSON, which the workbench itself does not read. */
    private static boolean isServersOwnJson(String member) {
        return "structuredContent".equals(member) || "_meta".equals(member);
    }

    /**
     * The container the parser is at the start of, left in the bytes when it spans {@code
     * lazyContainer} bytes or more; otherwise built from its bytes at once. Null, with the parser
     * not moved, when its offset is not known.
     */
    private JsonNode readPast(JsonParser p, byte[] utf8, int base, JsonNodeFactory nodes) throws IOException {
        if (lazyContainer == Integer.MAX_VALUE) return null;
        long open = base + p.currentTokenLocation().getByteOffset();
        boolean object = p.currentToken() == JsonToken.START_OBJECT;
        if (open < base || open >= utf8.length || utf8[(int) open] != (object ? '{' : '[')) return null;
        p.skipChildren();  // reads every token to the matching end, so a malformed value fails here as before
        int from = (int) open;
        int to = (int) (base + p.currentTokenLocation().getByteOffset()) + 1;
        if (to <= from || to > utf8.length || utf8[to - 1] != (object ? '}' : ']')) {
            throw new IOException("a container's end is not where the parser says it is");
        }
        if (to - from < lazyContainer) return read(utf8, from, to);
        return object
                ? LazyObjectNode.of(nodes, new MessageSlice<>(this, utf8, from, to, LazyObjectNode::membersOf))
                : LazyArrayNode.of(nodes, new MessageSlice<>(this, utf8, from, to, LazyArrayNode::elementsOf));
    }

    private JsonNode string(JsonParser p, byte[] utf8, int base, JsonNodeFactory nodes, int minBytes) throws IOException {
        long quote = base + p.currentTokenLocation().getByteOffset();
        if (quote >= 0 && quote < utf8.length && utf8[(int) quote] == '"') {
            int from = (int) quote + 1;
            int close = closingQuote(utf8, from);
            if (close - from >= minBytes) {
                LongTextNode text = new LongTextNode(utf8, from, close);
                text.length();  // counted here, on the transport's thread: a view asks for it on the FX thread
                return text;
            }
        }
        return nodes.textNode(p.getText());
    }

    /** The closing quote of the literal whose content starts at {@code from}, or the end of the bytes. */
    private static int closingQuote(byte[] b, int from) {
        int i = from;
        while (i < b.length) {
            byte c = b[i];
            if (c == '"') return i;
            i += c == '\\' ? 2 : 1;
        }
        return b.length;
    }
}
