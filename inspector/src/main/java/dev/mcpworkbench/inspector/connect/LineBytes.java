package dev.mcpworkbench.inspector.connect;

import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of one line as they are read, in pieces that double up to 8 MB, copied once into an
 * array of the line's exact size at its end. A ByteArrayOutputStream doubles one array instead:
 * for a 100 MB line that is up to 128 MB of buffer, about as much garbage from the copies, and
 * one more copy to hand the bytes out. Why 8 MB: generational ZGC gives an object over 4 MB a page
 * of its own, which a collection never copies, while pieces of 1 MB shared pages that each young
 * collection during the read copied again: the heap in use reached 586 MB while a 100 MB line was
 * read (about 100 MB alive before), 374 MB with pieces of 8 MB (bench/big-result.sh, gc log).
 */
final class LineBytes {

    private static final int FIRST_PIECE = 8 * 1024;
    private static final int LARGEST_PIECE = 8 * 1024 * 1024;

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
        return toArray(0);
    }

    /** The bytes from {@code from} on, in an array of their exact size (an event's data after its field name). */
    byte[] toArray(int from) {
        byte[] out = new byte[Math.toIntExact(size - from)];
        int at = 0;
        int skip = from;
        for (int i = 0; i <= full.size(); i++) {
            byte[] p = i < full.size() ? full.get(i) : piece;
            int n = i < full.size() ? p.length : used;
            if (skip >= n) {
                skip -= n;
                continue;
            }
            System.arraycopy(p, skip, out, at, n - skip);
            at += n - skip;
            skip = 0;
        }
        return out;
    }

    /** Drops the first {@code n} bytes (at most the first piece's, 8 KB): a byte order mark opening a stream. */
    void dropFirst(int n) {
        if (full.isEmpty()) {
            System.arraycopy(piece, n, piece, 0, used - n);
            used -= n;
        } else {
            full.set(0, java.util.Arrays.copyOfRange(full.get(0), n, full.get(0).length));
        }
        size -= n;
    }

    /** The byte at {@code index} (less than {@link #size()}). */
    byte at(long index) {
        for (byte[] p : full) {
            if (index < p.length) return p[(int) index];
            index -= p.length;
        }
        return piece[(int) index];
    }

    /** Where {@code b} first occurs among the first {@code max} bytes, or -1. */
    int indexOf(byte b, int max) {
        long end = Math.min(size, max);
        for (int i = 0; i < end; i++) if (at(i) == b) return i;
        return -1;
    }

    /** The first {@code to} bytes decoded as UTF-8: a line's field name (short: found within {@link #indexOf}'s bound). */
    String head(int to) {
        byte[] part = new byte[to];
        for (int i = 0; i < to; i++) part[i] = at(i);
        return new String(part, java.nio.charset.StandardCharsets.UTF_8);
    }
}
