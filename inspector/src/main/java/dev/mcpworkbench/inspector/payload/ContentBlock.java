package dev.mcpworkbench.inspector.payload;

import java.util.List;

/**
 * One content block of a payload, in the order the server sent it.
 *
 * @param node        the block's node in the message's index: what {@code pointer} names, found
 *                    without resolving it (resolving {@code /content/N} steps over N elements, and
 *                    doing so for each block made a check of 100,000 blocks quadratic)
 * @param pointer     JSON pointer of the block in the message
 * @param bodyNode    the node of its text or base64 data in the message's index, or -1 when it has none
 * @param bodyPointer pointer of its text or base64 data, or "" when it has none
 * @param text        the decoded text when it is not JSON, at most 1 MB long, and within the first
 *                    8 MB of such texts in the payload (null for the others, which stay in the
 *                    message's bytes at {@code bodyPointer}, and for JSON, binary and media blocks;
 *                    {@code detectedFormat} is "text" for every text block)
 * @param json        the text parsed as JSON when it is JSON, else null
 * @param notes       what is odd about the block, in words (invalid JSON, binary, not an image...)
 */
public record ContentBlock(
        int index,
        BlockType type,
        int node,
        String pointer,
        int bodyNode,
        String bodyPointer,
        String mimeType,
        String uri,
        long bytes,
        long tokens,
        String text,
        JsonIndex json,
        String detectedFormat,
        List<String> notes) {

    public ContentBlock {
        notes = List.copyOf(notes);
    }

    /** A short title such as {@code #1 text (JSON)} or {@code #2 image image/png}. */
    public String title() {
        StringBuilder b = new StringBuilder("#").append(index + 1).append(' ').append(type.name().toLowerCase(java.util.Locale.ROOT));
        if (json != null) b.append(" (JSON)");
        if (mimeType != null && !mimeType.isEmpty()) b.append(' ').append(mimeType);
        if (uri != null && !uri.isEmpty()) b.append(' ').append(uri);
        return b.toString();
    }
}
