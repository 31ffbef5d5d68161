package dev.mcpworkbench.inspector.payload;

import java.util.ArrayList;
import java.util.List;

/**
 * Structural differences between two JSON trees: members added or removed, array lengths and
 * scalar values that differ, by JSON pointer. Stops after {@code limit} differences so comparing
 * two 100 MB results stays bounded.
 */
public final class PayloadDiff {

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** One difference; {@code left}/{@code right} are node indexes or -1 when absent. */
    public record Change(Kind kind, String pointer, int left, int right, String leftPreview, String rightPreview) {
    }

    private PayloadDiff() {
    }

    public static List<Change> diff(JsonIndex a, JsonIndex b, int limit) {
        List<Change> out = new ArrayList<>();
        compare(a, 0, b, 0, out, limit);
        return out;
    }

    /** Compares the messages and, pairwise by position, the JSON text blocks of two payloads. */
    public static List<Change> diff(Payload a, Payload b, int limit) {
        List<Change> out = new ArrayList<>();
        if (!a.parsed() || !b.parsed()) return out;
        compare(a.message(), 0, b.message(), 0, out, limit);
        int n = Math.min(a.blocks().size(), b.blocks().size());
        for (int i = 0; i < n && out.size() < limit; i++) {
            ContentBlock x = a.blocks().get(i);
            ContentBlock y = b.blocks().get(i);
            // two texts that mirror structuredContent changed as it did, and the message's comparison shows where
            if (x.mirrorsStructuredContent() && y.mirrorsStructuredContent()) out.removeIf(c -> c.pointer().equals(x.bodyPointer()));
            if (x.json() == null || y.json() == null) continue;
            out.removeIf(c -> c.pointer().equals(x.bodyPointer()));
            for (Change c : diff(x.json(), y.json(), limit - out.size())) {
                out.add(new Change(c.kind(), x.bodyPointer() + c.pointer(), c.left(), c.right(), c.leftPreview(), c.rightPreview()));
            }
        }
        return out;
    }

    private static void compare(JsonIndex a, int x, JsonIndex b, int y, List<Change> out, int limit) {
        if (out.size() >= limit) return;
        NodeType tx = a.type(x);
        NodeType ty = b.type(y);
        if (tx != ty || !tx.isContainer()) {
            // sizes tell a change at once only when both count the same way (an embedded tree counts its escapes)
            boolean sameSizes = a.embedded() == b.embedded();
            if (tx != ty || sameSizes && a.bytes(x) != b.bytes(y) || !a.rawText(x).equals(b.rawText(y))) {
                out.add(new Change(Kind.CHANGED, a.pointer(x), x, y, a.preview(x, 80), b.preview(y, 80)));
            }
            return;
        }
        if (tx == NodeType.OBJECT) compareObjects(a, x, b, y, out, limit);
        else compareArrays(a, x, b, y, out, limit);
    }

    private static void compareObjects(JsonIndex a, int x, JsonIndex b, int y, List<Change> out, int limit) {
        for (int cx : a.children(x)) {
            if (out.size() >= limit) return;
            int cy = b.member(y, a.key(cx));
            if (cy < 0) out.add(new Change(Kind.REMOVED, a.pointer(cx), cx, -1, a.preview(cx, 80), ""));
            else compare(a, cx, b, cy, out, limit);
        }
        for (int cy : b.children(y)) {
            if (out.size() >= limit) return;
            if (a.member(x, b.key(cy)) < 0) out.add(new Change(Kind.ADDED, b.pointer(cy), -1, cy, "", b.preview(cy, 80)));
        }
    }

    private static void compareArrays(JsonIndex a, int x, JsonIndex b, int y, List<Change> out, int limit) {
        int[] ka = a.children(x);
        int[] kb = b.children(y);
        for (int i = 0; i < Math.max(ka.length, kb.length) && out.size() < limit; i++) {
            if (i >= kb.length) out.add(new Change(Kind.REMOVED, a.pointer(ka[i]), ka[i], -1, a.preview(ka[i], 80), ""));
            else if (i >= ka.length) out.add(new Change(Kind.ADDED, b.pointer(kb[i]), -1, kb[i], "", b.preview(kb[i], 80)));
            else compare(a, ka[i], b, kb[i], out, limit);
        }
    }
}
