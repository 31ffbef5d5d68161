package dev.mcpworkbench.inspector.payload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads one content block out of the message index and says what is odd about it. */
final class BlockAnalyzer {

    private final JsonIndex message;
    private final PayloadParser parser;
    private final long exactTokenBytes;
    /** Texts up to this size are decoded when asked for ({@link ContentBlock#text}); longer ones are read where they lie. */
    static final long SMALL_TEXT_BYTES = 1024 * 1024;
    private final JsonStringView headView = new JsonStringView();
    /** One view for the estimate of every text read from its bytes. */
    private final TokenCounter.Utf8Text utf8Text = new TokenCounter.Utf8Text();
    /** The result's structuredContent node, or -1: a JSON text block that {@linkplain MirroredJson mirrors} it is read there. */
    private final int structuredContent;

    BlockAnalyzer(JsonIndex message, PayloadParser parser, int structuredContent) {
        this.message = message;
        this.parser = parser;
        this.structuredContent = structuredContent;
        this.exactTokenBytes = parser.limits().exactTokenBytes();
    }

    /** @param jsonBodies collects the text nodes whose JSON is read in a tree of its own or at structuredContent */
    ContentBlock analyze(int index, int node, Set<Integer> jsonBodies) {
        BlockType type = BlockType.of(stringMember(node, "type"));
        int holder = node;
        // embedded resources and resource reads keep uri/mimeType/text/blob one level down or in place
        int resource = message.member(node, "resource");
        if (type == BlockType.RESOURCE && resource >= 0 && message.type(resource) == NodeType.OBJECT) holder = resource;
        if (type == BlockType.UNKNOWN && message.member(node, "uri") >= 0) type = BlockType.RESOURCE;
        String mime = stringMember(holder, "mimeType");
        String uri = stringMember(holder, "uri");
        int text = stringNode(holder, "text");
        int blob = stringNode(holder, type == BlockType.IMAGE || type == BlockType.AUDIO ? "data" : "blob");
        List<String> notes = new ArrayList<>();
        if (text >= 0) {
            ContentBlock b = textBlock(index, type, node, text, mime, uri, notes);
            if (b.json() != null || b.mirrorsStructuredContent()) jsonBodies.add(text);
            return b;
        }
        if (blob >= 0) {
            // read in place: base64 is plain ASCII, and a 100 MB image decoded into a String was 100 MB more for one scan
            JsonStringView data = new JsonStringView();
            data.read(message, blob, Integer.MAX_VALUE - 16);
            String format = MediaSniffer.check(data, mime, type, notes);
            return new ContentBlock(index, type, message, node, blob, mime, uri,
                    message.bytes(blob), 0, null, format, notes);
        }
        if (type == BlockType.UNKNOWN) notes.add("Unknown content block type " + quoted(stringMember(node, "type")) + ": shown as JSON.");
        if ((type == BlockType.IMAGE || type == BlockType.AUDIO)) notes.add("The " + type.name().toLowerCase() + " block has no base64 data.");
        return new ContentBlock(index, type, message, node, -1, mime, uri, message.bytes(node),
                message.tokens(node), null, null, notes);
    }

    private ContentBlock textBlock(int index, BlockType type, int node, int textNode, String mime, String uri, List<String> notes) {
        long bytes = message.bytes(textNode);
        char first = message.firstNonBlankChar(textNode);
        if (first == '{' || first == '[') {
            if (mirrorsStructuredContent(type, textNode)) {
                notes.add("The text is structuredContent serialized: its JSON is read and checked once, at /structuredContent.");
                return new ContentBlock(index, type, message, node, textNode, mime, uri, bytes,
                        message.tokens(textNode), null, "json", notes, true);
            }
            JsonIndex json = indexJsonText(textNode, bytes, notes);
            if (json != null) {
                return new ContentBlock(index, type, message, node, textNode, mime, uri, bytes,
                        json.tokens(0), json, "json", notes);
            }
        }
        // a text stays in the message's bytes (ContentBlock#text decodes a short one when asked): decoded, a 100 MB
        // text was a 200 MB String kept with the payload, and the first 8 MB of 100,000 short texts, kept decoded,
        // were 16 MB alive and some 50 MB allocated. It is decoded here only for an exact token count.
        boolean small = bytes <= SMALL_TEXT_BYTES && message.tokensExact();
        String decoded = small ? message.stringValue(textNode) : null;
        // the others' head is read in place (one view for the payload): a head decoded into a String per
        // block allocated about 1 GB for 100,000 blocks
        CharSequence head = decoded;
        if (head == null) {
            headView.read(message, textNode, BinarySniffer.SAMPLE);
            head = headView;
        }
        if (BinarySniffer.looksBinary(head)) {
            notes.add("This text looks like binary data (" + BinarySniffer.controlShare(head) + "% control or replacement characters): shown as hex.");
            return new ContentBlock(index, type, message, node, textNode, mime, uri, bytes,
                    small ? TokenCounter.estimate(decoded) : estimatedTokens(textNode), null, "binary", notes);
        }
        // the exact-count budget is the payload's, not each block's: 100,000 blocks of 1 KB were all
        // counted exactly in a 100 MB payload whose other counts are estimates (a fifth of its check)
        long tokens = !small ? estimatedTokens(textNode)
                : decoded.length() <= exactTokenBytes ? TokenCounter.exact(decoded) : TokenCounter.estimate(decoded);
        return new ContentBlock(index, type, message, node, textNode, mime, uri, bytes, tokens, null, "text", notes);
    }

    private boolean mirrorsStructuredContent(BlockType type, int textNode) {
        if (type != BlockType.TEXT || structuredContent < 0 || message.embedded()) return false;
        return MirroredJson.mirrors(message.rawBytes(), message.literalStart(textNode) + 1, message.literalEnd(textNode) - 1,
                message.literalStart(structuredContent), message.literalEnd(structuredContent));
    }

    /** {@link TokenCounter#estimate} of a string node's text, read from its UTF-8 bytes as sent, without decoding it. */
    private long estimatedTokens(int textNode) {
        return TokenCounter.estimate(utf8Text.of(message.rawBytes(), message.literalStart(textNode) + 1, message.literalEnd(textNode) - 1));
    }

    /**
     * A long JSON text is indexed where it lies in the message, escaped: unescaped, the copy of a
     * 100 MB text block was 84 MB more alive with the message and the index while the result was
     * checked. A short one is unescaped first, so that its sizes are those of the text itself.
     */
    private JsonIndex indexJsonText(int textNode, long bytes, List<String> notes) {
        try {
            if (bytes > SMALL_TEXT_BYTES) {
                return parser.indexEmbedded(message.rawBytes(), message.literalStart(textNode), message.literalEnd(textNode));
            }
            return parser.index(message.stringBytes(textNode));
        } catch (IndexTooLargeException e) {
            notes.add("The text is JSON, but " + e.getMessage() + ": shown as text.");
            return null;
        } catch (InvalidJsonException e) {
            notes.add("The text looks like JSON but is not valid JSON: " + e.getMessage() + ". Shown as text.");
            return null;
        }
    }

    private String stringMember(int node, String name) {
        int m = stringNode(node, name);
        return m < 0 ? null : message.stringValue(m);
    }

    private int stringNode(int node, String name) {
        int m = message.member(node, name);
        return m >= 0 && message.type(m) == NodeType.STRING ? m : -1;
    }

    private static String quoted(String s) {
        return s == null ? "(none)" : "\"" + s + "\"";
    }
}
