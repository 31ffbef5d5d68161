package dev.mcpworkbench.inspector.payload;

import java.util.List;

/**
 * One content block of a payload, in the order the server sent it. Its pointers are spelled out of
 * the message's index when first asked for: a result of 100,000 text blocks kept 200,000 pointer
 * strings (about 11 MB) that only a finding or a view reads, for a block or two. (A JSON text
 * block's body pointer is asked for by the check, which reads its JSON.)
 */
public final class ContentBlock {

    private final int index;
    private final BlockType type;
    private final JsonIndex message;
    private final int node;
    private final int bodyNode;
    private final String mimeType;
    private final String uri;
    private final long bytes;
    private final long tokens;
    private final JsonIndex json;
    private final String detectedFormat;
    private final List<String> notes;
    private final boolean mirrorsStructuredContent;
    /** Spelled once when first asked for; a race spells the same string twice, which is harmless. */
    private String pointer;
    private String bodyPointer;

    /**
     * @param message  the index of the message the block is in, which its nodes belong to
     * @param node     the block's node in the message's index: what {@link #pointer()} names, found
     *                 without resolving it (resolving {@code /content/N} steps over N elements, and
     *                 doing so for each block made a check of 100,000 blocks quadratic)
     * @param bodyNode the node of its text or base64 data in the message's index, or -1 when it has none
     * @param json     the text parsed as JSON when it is JSON, else null
     * @param notes    what is odd about the block, in words (invalid JSON, binary, not an image...)
     */
    ContentBlock(int index, BlockType type, JsonIndex message, int node, int bodyNode, String mimeType, String uri,
                 long bytes, long tokens, JsonIndex json, String detectedFormat, List<String> notes) {
        this(index, type, message, node, bodyNode, mimeType, uri, bytes, tokens, json, detectedFormat, notes, false);
    }

    /**
     * @param mirrorsStructuredContent the text is the result's structuredContent serialized
     *                                 ({@link MirroredJson}): its JSON is not indexed again, {@code json} is null
     */
    ContentBlock(int index, BlockType type, JsonIndex message, int node, int bodyNode, String mimeType, String uri,
                 long bytes, long tokens, JsonIndex json, String detectedFormat, List<String> notes,
                 boolean mirrorsStructuredContent) {
        this.index = index;
        this.type = type;
        this.message = message;
        this.node = node;
        this.bodyNode = bodyNode;
        this.mimeType = mimeType;
        this.uri = uri;
        this.bytes = bytes;
        this.tokens = tokens;
        this.json = json;
        this.detectedFormat = detectedFormat;
        this.notes = List.copyOf(notes);
        this.mirrorsStructuredContent = mirrorsStructuredContent;
    }

    public int index() {
        return index;
    }

    public BlockType type() {
        return type;
    }

    public int node() {
        return node;
    }

    /** JSON pointer of the block in the message. */
    public String pointer() {
        String p = pointer;
        if (p == null) pointer = p = message.pointer(node);
        return p;
    }

    public int bodyNode() {
        return bodyNode;
    }

    /** Pointer of its text or base64 data, or "" when it has none. */
    public String bodyPointer() {
        if (bodyNode < 0) return "";
        String p = bodyPointer;
        if (p == null) bodyPointer = p = message.pointer(bodyNode);
        return p;
    }

    public String mimeType() {
        return mimeType;
    }

    public String uri() {
        return uri;
    }

    public long bytes() {
        return bytes;
    }

    public long tokens() {
        return tokens;
    }

    /**
     * The text decoded, when the block is text (not JSON, not binary) of at most a megabyte as sent;
     * else null, and the text is read where it lies in the message, at {@link #bodyPointer()}.
     * Decoded at each call, not kept: the first 8 MB of 100,000 short texts kept decoded were 16 MB
     * alive with a payload that had them in its bytes already.
     */
    public String text() {
        return "text".equals(detectedFormat) && bytes <= BlockAnalyzer.SMALL_TEXT_BYTES ? message.stringValue(bodyNode) : null;
    }

    public JsonIndex json() {
        return json;
    }

    /**
     * Whether the text says exactly what the result's structuredContent says (the spec's advice for
     * structured output): its JSON is then read at structuredContent, and {@link #json()} is null.
     */
    public boolean mirrorsStructuredContent() {
        return mirrorsStructuredContent;
    }

    public String detectedFormat() {
        return detectedFormat;
    }

    public List<String> notes() {
        return notes;
    }

    /** A short title such as {@code #1 text (JSON)} or {@code #2 image image/png}. */
    public String title() {
        StringBuilder b = new StringBuilder("#").append(index + 1).append(' ').append(type.name().toLowerCase(java.util.Locale.ROOT));
        if (json != null) b.append(" (JSON)");
        if (mirrorsStructuredContent) b.append(" (JSON, as structuredContent)");
        if (mimeType != null && !mimeType.isEmpty()) b.append(' ').append(mimeType);
        if (uri != null && !uri.isEmpty()) b.append(' ').append(uri);
        return b.toString();
    }

    @Override
    public String toString() {
        return title() + " at " + pointer();
    }
}
