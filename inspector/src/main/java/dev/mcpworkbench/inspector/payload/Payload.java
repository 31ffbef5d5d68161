package dev.mcpworkbench.inspector.payload;

import java.util.List;
import java.util.Optional;

/**
 * A tool result, resource read or prompt get as the server sent it: the whole message indexed,
 * its content blocks in order, structuredContent, isError, _meta, the secrets found while
 * indexing, and notes about anything malformed. {@code message} is null only when the bytes were
 * not JSON at all; then {@code rawPreview} holds the start of what arrived.
 */
public record Payload(
        Kind kind,
        JsonIndex message,
        List<ContentBlock> blocks,
        int structuredContent,
        int meta,
        boolean isError,
        long totalBytes,
        long contentTokens,
        boolean tokensExact,
        List<SensitiveHit> secrets,
        List<String> notes,
        byte[] rawPreview) {

    public enum Kind { TOOL_RESULT, RESOURCE_READ, PROMPT_GET, OTHER }

    /** The output limit popular clients apply to one tool result (Claude Code's default, 25k). */
    public static final long CLIENT_TOKEN_LIMIT = 25_000;

    public Payload {
        blocks = List.copyOf(blocks);
        secrets = List.copyOf(secrets);
        notes = List.copyOf(notes);
    }

    public boolean parsed() {
        return message != null;
    }

    public Optional<Integer> structuredContentNode() {
        return structuredContent >= 0 ? Optional.of(structuredContent) : Optional.empty();
    }

    /** The summary line: size, tokens against the client limit, blocks, secrets. */
    public String summary() {
        String tokenText = (tokensExact ? "" : "~") + String.format(java.util.Locale.ROOT, "%,d", contentTokens) + " tokens";
        double pct = 100.0 * contentTokens / CLIENT_TOKEN_LIMIT;
        return String.format(java.util.Locale.ROOT, "%s · %s (%.0f%% of the 25k tool-output limit%s) · %d block%s%s%s",
                ByteSizes.format(totalBytes), tokenText, pct, contentTokens > CLIENT_TOKEN_LIMIT ? ": clients will truncate or refuse it" : "",
                blocks.size(), blocks.size() == 1 ? "" : "s", isError ? " · isError" : "",
                secrets.isEmpty() ? "" : " · " + secrets.size() + " sensitive value" + (secrets.size() == 1 ? "" : "s"));
    }

    /** Resolves a payload pointer to the tree and node it names, entering JSON text blocks. */
    public Optional<PayloadNode> resolve(String pointer) {
        if (message == null) return Optional.empty();
        for (ContentBlock b : blocks) {
            // only blocks with JSON are entered: spelling every block's pointer kept a string per block of 100,000
            if (b.json() == null && !b.mirrorsStructuredContent()) continue;
            if (!pointer.equals(b.bodyPointer()) && !pointer.startsWith(b.bodyPointer() + "/")) continue;
            String inner = pointer.substring(b.bodyPointer().length());
            if (b.json() != null) {
                int node = b.json().resolve(inner);
                if (node >= 0) return Optional.of(new PayloadNode(b.json(), node, b.bodyPointer()));
            } else {
                // a text that mirrors structuredContent has no tree of its own: its pointers name structuredContent's nodes
                int node = message.resolve(message.pointer(structuredContent) + inner);
                if (node >= 0) return Optional.of(new PayloadNode(message, node, ""));
            }
        }
        int node = message.resolve(pointer);
        return node < 0 ? Optional.empty() : Optional.of(new PayloadNode(message, node, ""));
    }

    /** A node of one of the payload's JSON trees; {@code prefix} mounts the tree in the payload. */
    public record PayloadNode(JsonIndex tree, int node, String prefix) {
        public String pointer() {
            return prefix + tree.pointer(node);
        }
    }
}
