package dev.mcpworkbench.inspector.payload;

import dev.mcpworkbench.inspector.payload.scan.SecretMatch;
import dev.mcpworkbench.inspector.payload.scan.SecretScanner;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Scans one indexed document for secrets in two cheap passes: the provider patterns over the
 * raw bytes at once (credentials are ASCII and need no JSON unescaping), and the members whose
 * name sounds secret (flagged while indexing) for random-looking values. Matches are mapped
 * back to the deepest node that holds them.
 */
final class SecretSweep {

    private SecretSweep() {
    }

    /** @param skipped string nodes scanned elsewhere (JSON text bodies, indexed on their own) */
    static void sweep(JsonIndex tree, String prefix, SecretScanner scanner, Set<Integer> skipped, List<SensitiveHit> out) {
        // scan the bytes between the skipped nodes only: a JSON text block is swept once, in its own tree
        long from = 0;
        for (int node : skipped.stream().sorted().toList()) {
            sweepRange(tree, prefix, scanner, from, tree.startOffset(node), out);
            from = tree.endOffset(node);
        }
        sweepRange(tree, prefix, scanner, from, tree.totalBytes(), out);
        BitSet flagged = tree.flaggedKeys();
        for (int n = flagged.nextSetBit(0); n >= 0; n = flagged.nextSetBit(n + 1)) {
            if (skipped.contains(n) || alreadyHit(out, prefix + tree.pointer(n))) continue;
            SecretMatch m = scanner.scanMember(tree.key(n), tree.stringValue(n));
            if (m != null) out.add(new SensitiveHit(m.kind(), prefix + tree.pointer(n), tree.key(n), m.masked()));
        }
    }

    private static void sweepRange(JsonIndex tree, String prefix, SecretScanner scanner, long from, long to, List<SensitiveHit> out) {
        if (to <= from) return;
        // read in place: a latin1 String of the range was a copy of the document per parse
        for (SecretMatch m : scanner.scan(tree.latin1Chars(from, to))) {
            int node = tree.nodeAt(from + m.start());
            if (node < 0) continue;
            out.add(new SensitiveHit(m.kind(), prefix + tree.pointer(node), tree.key(node), m.masked()));
        }
    }

    private static boolean alreadyHit(List<SensitiveHit> hits, String pointer) {
        for (SensitiveHit h : hits) if (h.pointer().equals(pointer)) return true;
        return false;
    }
}
