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

    BlockAnalyzer(JsonIndex message, PayloadParser parser) {
        this.message = message;
        this.parser = parser;
        this.exactTokenBytes = parser.limits().exactTokenBytes();
    }

    /** @param jsonBodies collects the text nodes whose JSON was indexed separately */
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
            if (b.json() != null) jsonBodies.add(text);
            return b;
        }
        if (blob >= 0) {
            String format = MediaSniffer.check(message.stringValue(blob), mime, type, notes);
            return new ContentBlock(index, type, message.pointer(node), message.pointer(blob), mime, uri,
                    message.bytes(blob), 0, null, null, format, notes);
        }
        if (type == BlockType.UNKNOWN) notes.add("Unknown content block type " + quoted(stringMember(node, "type")) + ": shown as JSON.");
        if ((type == BlockType.IMAGE || type == BlockType.AUDIO)) notes.add("The " + type.name().toLowerCase() + " block has no base64 data.");
        return new ContentBlock(index, type, message.pointer(node), "", mime, uri, message.bytes(node),
                message.tokens(node), null, null, null, notes);
    }

    private ContentBlock textBlock(int index, BlockType type, int node, int textNode, String mime, String uri, List<String> notes) {
        String text = message.stringValue(textNode);
        String bodyPointer = message.pointer(textNode);
        long bytes = message.bytes(textNode);
        if (looksLikeJson(text)) {
            JsonIndex json = indexJsonText(text, notes);
            if (json != null) {
                return new ContentBlock(index, type, message.pointer(node), bodyPointer, mime, uri, bytes,
                        json.tokens(0), null, json, "json", notes);
            }
        }
        if (BinarySniffer.looksBinary(text)) {
            notes.add("This text looks like binary data (" + BinarySniffer.controlShare(text) + "% control or replacement characters): shown as hex.");
            return new ContentBlock(index, type, message.pointer(node), bodyPointer, mime, uri, bytes,
                    TokenCounter.estimate(text), null, null, "binary", notes);
        }
        long tokens = text.length() <= exactTokenBytes ? TokenCounter.exact(text) : TokenCounter.estimate(text);
        return new ContentBlock(index, type, message.pointer(node), bodyPointer, mime, uri, bytes, tokens, text, null, "text", notes);
    }

    private JsonIndex indexJsonText(String text, List<String> notes) {
        try {
            return parser.index(text.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidJsonException e) {
            notes.add("The text looks like JSON but is not valid JSON: " + e.getMessage() + ". Shown as text.");
            return null;
        }
    }

    private static boolean looksLikeJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) return c == '{' || c == '[';
        }
        return false;
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
