package dev.mcpworkbench.inspector.payload;

import dev.mcpworkbench.inspector.payload.scan.SecretMatch;
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
    private static final Set<String> BODY_KEYS = Set.of("text", "blob", "data");

    private final PayloadLimits limits;
    private final SecretScanner secrets;

    public PayloadParser(PayloadLimits limits, SecretScanner secrets) {
        this.limits = limits;
        this.secrets = secrets;
    }

    public static PayloadParser defaults() {
        return new PayloadParser(PayloadLimits.defaults(), SecretScanner.defaults());
    }

    public Payload parse(byte[] raw) throws PayloadTooLargeException {
        if (raw.length > limits.maxMessageBytes()) throw new PayloadTooLargeException(raw.length, limits.maxMessageBytes());
        List<String> notes = new ArrayList<>();
        List<SensitiveHit> hits = new ArrayList<>();
        List<Integer> deferred = new ArrayList<>();
        JsonIndex message = indexMessage(raw, notes, hits, deferred);
        if (message == null) {
            return new Payload(Payload.Kind.OTHER, null, List.of(), -1, -1, false, raw.length, 0, false,
                    List.of(), notes, Arrays.copyOf(raw, Math.min(raw.length, PREVIEW_BYTES)));
        }
        return assemble(message, notes, hits, deferred);
    }

    /** A match seen during indexing, before pointers exist. */
    private record NodeHit(int node, String key, SecretMatch match) {
    }

    private JsonIndex indexMessage(byte[] raw, List<String> notes, List<SensitiveHit> hits, List<Integer> deferred) {
        List<NodeHit> found = new ArrayList<>();
        JsonIndex index = tryIndex(raw, notes, found, deferred);
        if (index != null) {
            for (NodeHit h : found) hits.add(new SensitiveHit(h.match().kind(), index.pointer(h.node()), h.key(), h.match().masked()));
        }
        return index;
    }

    private JsonIndex tryIndex(byte[] raw, List<String> notes, List<NodeHit> found, List<Integer> deferred) {
        try {
            return JsonIndexBuilder.build(raw, 0, raw.length, limits, scanning(found, deferred));
        } catch (InvalidJsonException e) {
            if (isUtf8Problem(e)) {
                notes.add("Invalid UTF-8 in the message: " + e.getMessage() + ". Bad byte sequences are shown as \uFFFD.");
                byte[] repaired = new String(raw, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
                try {
                    return JsonIndexBuilder.build(repaired, 0, repaired.length, limits, scanning(found, deferred));
                } catch (InvalidJsonException again) {
                    notes.add("Not JSON even after repairing the encoding: " + again.getMessage());
                    return null;
                }
            }
            notes.add("The message is not valid JSON: " + e.getMessage() + ". Shown as raw bytes.");
            return null;
        }
    }

    /** Scans strings as they stream by; block bodies wait until their block is known. */
    private StringVisitor scanning(List<NodeHit> found, List<Integer> deferred) {
        found.clear();
        deferred.clear();
        return (node, depth, key, value) -> {
            if (depth >= 2 && key != null && BODY_KEYS.contains(key)) {
                deferred.add(node);
                return;
            }
            SecretMatch member = secrets.scanMember(key, value);
            if (member != null) found.add(new NodeHit(node, key, member));
            else for (SecretMatch m : secrets.scan(value)) found.add(new NodeHit(node, key, m));
        };
    }

    private static boolean isUtf8Problem(InvalidJsonException e) {
        String m = e.getMessage();
        return m != null && (m.contains("UTF-8") || m.contains("UTF8"));
    }

    private Payload assemble(JsonIndex message, List<String> notes, List<SensitiveHit> hits, List<Integer> deferredBodies) {
        Payload.Kind kind = kindOf(message);
        List<ContentBlock> blocks = new ArrayList<>();
        Set<Integer> bodies = new HashSet<>();
        BlockAnalyzer analyzer = new BlockAnalyzer(message, limits, secrets, hits);
        for (int blockNode : blockNodes(message, kind)) {
            blocks.add(analyzer.analyze(blocks.size(), blockNode, bodies));
        }
        for (int node : deferredBodies) {
            if (!bodies.contains(node)) scanString(message, node, hits);
        }
        int structured = message.member(0, "structuredContent");
        int meta = message.member(0, "_meta");
        int isErrorNode = message.member(0, "isError");
        boolean isError = isErrorNode >= 0 && "true".equals(message.rawText(isErrorNode));
        long tokens = blocks.stream().mapToLong(ContentBlock::tokens).sum();
        if (blocks.isEmpty()) tokens = message.tokens(0);
        boolean exact = message.tokensExact() && blocks.stream().allMatch(b -> b.json() == null || b.json().tokensExact());
        return new Payload(kind, message, blocks, structured, meta, isError, message.totalBytes(), tokens, exact,
                hits, notes, null);
    }

    private void scanString(JsonIndex index, int node, List<SensitiveHit> hits) {
        String value = index.stringValue(node);
        String key = index.key(node);
        String pointer = index.pointer(node);
        SecretMatch member = secrets.scanMember(key, value);
        if (member != null) hits.add(new SensitiveHit(member.kind(), pointer, key, member.masked()));
        else for (SecretMatch m : secrets.scan(value)) hits.add(new SensitiveHit(m.kind(), pointer, key, m.masked()));
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
