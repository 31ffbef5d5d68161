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
 */
final class MessageTreeReader {

    /** Strings shorter than this are decoded as usual: below a megabyte a copy costs little. */
    static final int LONG_TEXT_BYTES = 1 << 20;

    private final int longText;

    MessageTreeReader(int longText) {
        this.longText = longText;
    }

    JsonNode read(byte[] utf8) throws IOException {
        JsonNodeFactory nodes = SnapshotJson.MAPPER.getNodeFactory();
        try (JsonParser p = SnapshotJson.MAPPER.getFactory().createParser(utf8)) {
            ArrayDeque<ContainerNode<?>> open = new ArrayDeque<>();
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
                        if (open.isEmpty()) return done;
                        continue;
                    }
                    case START_OBJECT -> value = nodes.objectNode();
                    case START_ARRAY -> value = nodes.arrayNode();
                    case VALUE_STRING -> value = string(p, utf8, nodes);
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
                if (value instanceof ContainerNode<?> container) open.push(container);
                else if (parent == null) return value;
            }
            if (!open.isEmpty()) throw new IOException("the message ends inside a JSON value");
            return MissingNode.getInstance();
        }
    }

    private JsonNode string(JsonParser p, byte[] utf8, JsonNodeFactory nodes) throws IOException {
        long quote = p.currentTokenLocation().getByteOffset();
        if (quote >= 0 && quote < utf8.length && utf8[(int) quote] == '"') {
            int from = (int) quote + 1;
            int close = closingQuote(utf8, from);
            if (close - from >= longText) {
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
