package dev.mcpworkbench.inspector.traffic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;

/**
 * A string value of a received message too long to copy, kept as its place in the message's bytes
 * (the array the traffic log keeps anyway) and decoded only when someone asks for it.
 *
 * <p>A tool that answers 100 MB of JSON in one text block made the message's tree decode that
 * block into a String (100 to 200 MB, and some 340 MB of buffers on the way) although the window
 * only shows its first few thousand characters. Views read a bounded {@link #head}, the length is
 * counted without decoding, and writing the node out (the raw JSON, an export) streams it. Code that
 * asks for {@link #textValue()} still gets the whole text: this node changes the cost, not the value.
 *
 * <p>Equal to another string node with the same text. A plain {@code TextNode} does not know this
 * class and answers false when compared the other way round: compare with this node on the left,
 * or with {@link #sameText}.
 */
public final class LongTextNode extends ValueNode {

    private final byte[] bytes;
    /** Offset of the first byte after the opening quote. */
    private final int from;
    /** Offset of the closing quote. */
    private final int to;
    private int length = -1;
    private int hash;
    /** Made at the first decode: most nodes are only ever read by their head. */
    private volatile WeakReference<String> decoded;

    /** The literal between the quotes at {@code from - 1} and {@code to}: JSON-escaped UTF-8 the parser has validated. */
    LongTextNode(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
    }

    /**
     * The first {@code maxChars} characters of a value node's text ({@code asText()}, whole when
     * shorter); "" for containers and missing nodes.
     */
    public static String head(JsonNode node, int maxChars) {
        if (node instanceof LongTextNode text) return text.head(maxChars);
        String s = textOf(node);
        return s.length() <= maxChars ? s : s.substring(0, maxChars);
    }

    /** The length in UTF-16 characters of what {@link #head} reads, counted without decoding a long text. */
    public static int length(JsonNode node) {
        if (node instanceof LongTextNode text) return text.length();
        return textOf(node).length();
    }

    private static String textOf(JsonNode node) {
        return node == null || !node.isValueNode() ? "" : node.asText();
    }

    /** Whether two nodes are strings with the same text, whichever kind of node each is. */
    public static boolean sameText(JsonNode a, JsonNode b) {
        if (a instanceof LongTextNode) return a.equals(b);
        if (b instanceof LongTextNode) return b.equals(a);
        return a != null && a.equals(b);
    }

    /** Compares string nodes with {@link #sameText}; every other pair as its own equals does. */
    private static final java.util.Comparator<JsonNode> TEXT_AWARE = (a, b) -> sameText(a, b) ? 0 : 1;

    /**
     * Whether two trees are the same JSON, whichever kind of string node each holds: a tree's own
     * equals asks its plain TextNodes, which answer false against this class.
     */
    public static boolean sameJson(JsonNode a, JsonNode b) {
        if (a == null || b == null) return a == b;
        return a.equals(TEXT_AWARE, b);
    }

    public String head(int maxChars) {
        char[] out = new char[Math.min(maxChars, length())];
        int n = readFully(out);
        return new String(out, 0, n);
    }

    /** Characters of the text (a character outside the BMP counts two, as in a String). */
    public int length() {
        if (length < 0) length = LiteralReader.countChars(bytes, from, to);
        return length;
    }

    /** Bytes of the literal as sent, escapes included. */
    public int escapedBytes() {
        return to - from;
    }

    /** A reader of the decoded text, for code that can consume it in pieces. */
    public Reader reader() {
        return new LiteralReader(bytes, from, to);
    }

    private int readFully(char[] out) {
        try (Reader r = reader()) {
            int n = 0;
            while (n < out.length) {
                int got = r.read(out, n, out.length - n);
                if (got < 0) break;
                n += got;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole text. The last one decoded is kept only weakly: code that reads it again and again
     * (the static rules over a hostile tool's 50 MB description) decodes it once, and it is gone at
     * the next collection once nobody holds it.
     */
    @Override
    public String textValue() {
        WeakReference<String> last = decoded;
        String whole = last == null ? null : last.get();
        if (whole == null) {
            char[] all = new char[length()];
            whole = new String(all, 0, readFully(all));
            decoded = new WeakReference<>(whole);
        }
        return whole;
    }

    @Override
    public String asText() {
        return textValue();
    }

    @Override
    public JsonToken asToken() {
        return JsonToken.VALUE_STRING;
    }

    @Override
    public JsonNodeType getNodeType() {
        return JsonNodeType.STRING;
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        try {
            g.writeString(reader(), length());
        } catch (UnsupportedOperationException e) {
            // a generator that cannot stream a string (YAML's, for one) refuses before writing anything
            g.writeString(textValue());
        }
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (o instanceof LongTextNode other) {
            if (other.bytes == bytes && other.from == from && other.to == to) return true;
            return other.length() == length() && other.hashCode() == hashCode() && other.textValue().equals(textValue());
        }
        return o instanceof JsonNode node && node.isTextual() && node.textValue().length() == length()
                && node.textValue().equals(textValue());
    }

    /** The hash of the decoded String, computed by streaming the text. */
    @Override
    public int hashCode() {
        if (hash == 0 && length() > 0) {
            int h = 0;
            char[] chunk = new char[8192];
            try (Reader r = reader()) {
                for (int n; (n = r.read(chunk, 0, chunk.length)) > 0; ) {
                    for (int i = 0; i < n; i++) h = 31 * h + chunk[i];
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            hash = h;
        }
        return hash;
    }
}
