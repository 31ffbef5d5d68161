package dev.mcpworkbench.inspector.payload;

import dev.mcpworkbench.inspector.payload.scan.SecretScanner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the bytes of a result message into a {@link Payload}: one indexing pass over the message
 * (secrets scanned on the way), then the content blocks, whose JSON text is indexed in turn.
 * Never throws on bad content: malformed parts become notes. Only an oversized message is refused.
 */
public final class PayloadParser {

    private static final int PREVIEW_BYTES = 64 * 1024;

    private final PayloadLimits limits;
    private final SecretScanner secrets;

    public PayloadParser(PayloadLimits limits, SecretScanner secrets) {
        this.limits = limits;
        this.secrets = secrets;
    }

    PayloadLimits limits() {
        return limits;
    }

    public static PayloadParser defaults() {
        return new PayloadParser(PayloadLimits.defaults(), SecretScanner.defaults());
    }

    public Payload parse(byte[] raw) throws PayloadTooLargeException {
        return parse(raw, 0, raw.length);
    }

    /**
     * Parses the {@code length} bytes at {@code offset} of {@code data} in place: a result read from
     * the message it arrived in (the {@code result} member's bytes) needs no copy. The payload keeps
     * a reference to {@code data}: nobody may modify it.
     */
    public Payload parse(byte[] data, int offset, int length) throws PayloadTooLargeException {
        if (length > limits.maxMessageBytes()) throw new PayloadTooLargeException(length, limits.maxMessageBytes());
        List<String> notes = new ArrayList<>();
        JsonIndex message = indexMessage(data, offset, length, notes);
        if (message == null) {
            return new Payload(Payload.Kind.OTHER, null, List.of(), -1, -1, false, length, 0, false,
                    List.of(), notes, Arrays.copyOfRange(data, offset, offset + Math.min(length, PREVIEW_BYTES)));
        }
        return assemble(message, notes);
    }

    private JsonIndex indexMessage(byte[] data, int offset, int length, List<String> notes) {
        try {
            return index(data, offset, length);
        } catch (IndexTooLargeException e) {
            notes.add("The message is not indexed: " + e.getMessage() + ". Shown as raw bytes; the rules did not read it.");
            return null;
        } catch (InvalidJsonException e) {
            if (isUtf8Problem(e)) {
                notes.add("Invalid UTF-8 in the message: " + e.getMessage() + ". Bad byte sequences are shown as \uFFFD.");
                byte[] repaired = new String(data, offset, length, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
                try {
                    return index(repaired);
                } catch (InvalidJsonException again) {
                    notes.add("Not JSON even after repairing the encoding: " + again.getMessage());
                    return null;
                }
            }
            notes.add("The message is not valid JSON: " + e.getMessage() + ". Shown as raw bytes.");
            return null;
        }
    }

    /** Indexes JSON, flagging members whose name sounds secret for the secret sweep. */
    JsonIndex index(byte[] json) throws InvalidJsonException {
        return index(json, 0, json.length);
    }

    /** Indexes the JSON text held in the string literal {@code data[quote, end)} where it lies, escaped ({@link JsonIndex#ofEmbedded}). */
    JsonIndex indexEmbedded(byte[] data, int quote, int end) throws InvalidJsonException {
        return JsonIndexBuilder.buildEmbedded(data, quote, end, limits, SecretScanner::isSecretName);
    }

    private JsonIndex index(byte[] data, int offset, int length) throws InvalidJsonException {
        return JsonIndexBuilder.build(data, offset, length, limits, StringVisitor.NONE, SecretScanner::isSecretName);
    }

    private static boolean isUtf8Problem(InvalidJsonException e) {
        String m = e.getMessage();
        return m != null && (m.contains("UTF-8") || m.contains("UTF8"));
    }

    private Payload assemble(JsonIndex message, List<String> notes) {
        Payload.Kind kind = kindOf(message);
        List<ContentBlock> blocks = new ArrayList<>();
        Set<Integer> jsonBodies = new HashSet<>();
        int structured = message.member(0, "structuredContent");
        BlockAnalyzer analyzer = new BlockAnalyzer(message, this, structured);
        for (int blockNode : blockNodes(message, kind)) {
            blocks.add(analyzer.analyze(blocks.size(), blockNode, jsonBodies));
        }
        List<SensitiveHit> hits = new ArrayList<>();
        SecretSweep.sweep(message, "", secrets, jsonBodies, hits);
        for (ContentBlock b : blocks) {
            if (b.json() != null) SecretSweep.sweep(b.json(), b.bodyPointer(), secrets, Set.of(), hits);
        }
        int meta = message.member(0, "_meta");
        int isErrorNode = message.member(0, "isError");
        boolean isError = isErrorNode >= 0 && "true".equals(message.rawText(isErrorNode));
        long blockTokens = blocks.stream().mapToLong(ContentBlock::tokens).sum();
        // clients hand the model either content or structuredContent: the larger one is what can hit the limit
        long tokens = Math.max(blockTokens, structured >= 0 ? message.tokens(structured) : 0);
        if (blocks.isEmpty() && structured < 0) tokens = message.tokens(0);
        boolean exact = message.tokensExact() && blocks.stream().allMatch(b -> b.json() == null || b.json().tokensExact());
        return new Payload(kind, message, blocks, structured, meta, isError, message.totalBytes(), tokens, exact,
                hits, notes, null);
    }

    private static Payload.Kind kindOf(JsonIndex message) {
        if (message.type(0) != NodeType.OBJECT) return Payload.Kind.OTHER;
        if (message.member(0, "content") >= 0) return Payload.Kind.TOOL_RESULT;
        if (message.member(0, "contents") >= 0) return Payload.Kind.RESOURCE_READ;
        if (message.member(0, "messages") >= 0) return Payload.Kind.PROMPT_GET;
        return Payload.Kind.OTHER;
    }

    private static List<Integer> blockNodes(JsonIndex m, Payload.Kind kind) {
        List<Integer> out = new ArrayList<>();
        switch (kind) {
            case TOOL_RESULT -> elements(m, m.member(0, "content"), out);
            case RESOURCE_READ -> elements(m, m.member(0, "contents"), out);
            case PROMPT_GET -> {
                List<Integer> messages = new ArrayList<>();
                elements(m, m.member(0, "messages"), messages);
                for (int msg : messages) {
                    int content = m.type(msg) == NodeType.OBJECT ? m.member(msg, "content") : -1;
                    if (content >= 0 && m.type(content) == NodeType.OBJECT) out.add(content);
                    else if (content >= 0) elements(m, content, out);
                }
            }
            default -> { }
        }
        return out;
    }

    private static void elements(JsonIndex m, int array, List<Integer> out) {
        if (array < 0 || m.type(array) != NodeType.ARRAY) return;
        for (int c : m.children(array)) if (m.type(c) == NodeType.OBJECT) out.add(c);
    }
}
