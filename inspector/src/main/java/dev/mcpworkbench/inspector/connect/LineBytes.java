package dev.mcpworkbench.inspector.connect;

import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of one line as they are read, in pieces that double up to 1 MB, copied once into an
 * array of the line's exact size at its end. A ByteArrayOutputStream doubles one array instead:
 * for a 100 MB line that is up to 128 MB of buffer, about as much garbage from the copies, and
 * one more copy to hand the bytes out.
 */
final class LineBytes {

    private static final int FIRST_PIECE = 8 * 1024;
    private static final int LARGEST_PIECE = 1024 * 1024;

    private final List<byte[]> full = new ArrayList<>();
    private byte[] piece = new byte[FIRST_PIECE];
    private int used;
    private long size;

    long size() {
        return size;
    }

    void write(byte[] from, int offset, int length) {
        while (length > 0) {
            if (used == piece.length) {
                full.add(piece);
                piece = new byte[Math.min(piece.length * 2, LARGEST_PIECE)];
                used = 0;
            }
            int n = Math.min(length, piece.length - used);
            System.arraycopy(from, offset, piece, used, n);
            used += n;
            offset += n;
            length -= n;
            size += n;
        }
    }

    byte[] toArray() {
        byte[] out = new byte[Math.toIntExact(size)];
        int at = 0;
        for (byte[] p : full) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        System.arraycopy(piece, 0, out, at, used);
        return out;
    }
}
