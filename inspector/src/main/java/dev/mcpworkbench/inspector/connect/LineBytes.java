package dev.mcpworkbench.inspector.connect;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes of one line (or of an HTTP body of unknown length) as they are read, in pieces that double up to 8 MB, copied once into an
 * array of the line's exact size at its end. A ByteArrayOutputStream doubles one array instead:
 * for a 100 MB line that is up to 128 MB of buffer, about as much garbage from the copies, and
 * one more copy to hand the bytes out. Why 8 MB: generational ZGC gives an object over 4 MB a page
 * of its own, which a collection never copies, while pieces of 1 MB shared pages that each young
 * collection during the read copied again: the heap in use reached 586 MB while a 100 MB line was
 * read (about 100 MB alive before), 374 MB with pieces of 8 MB (bench/big-result.sh, gc log).
 *
 * <p>Past {@link #SPILL_FROM} the pieces go to a temporary file, through one reused piece, and come
 * back straight into the line's array: in memory, a 100 MB line was its pieces and its array at
 * once, 200 MB on the heap at the end of the read (the peak of a plain-text result's whole
 * check). The file is owner-only, unlinked as soon as it is open where the system allows (so a
 * crash leaves nothing behind) and deleted on close elsewhere. Where no file can be made or
 * written (no temporary directory, a full disk) the line stays in memory, as before: nothing is lost.
 * It is a RandomAccessFile, not a FileChannel: a channel closes itself when the reading thread is
 * interrupted, and the bytes already in it could no longer be read back.
 */
final class LineBytes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LineBytes.class);
    private static final int FIRST_PIECE = 8 * 1024;
    private static final int LARGEST_PIECE = 8 * 1024 * 1024;
    /**
     * The most a file read or write moves at once: the JDK copies through a native buffer of the
     * same size, and reading the 84 MB spilled from a 100 MB line in one call made the process 84 MB
     * larger (its peak RSS rose from +344 to +476 MB over the idle app).
     */
    private static final int IO_SLICE = 1024 * 1024;
    /** Lines longer than this keep the rest in a temporary file while they are read. */
    static final long SPILL_FROM = 16L * 1024 * 1024;

    /** The pieces kept in memory, in order; the spilled bytes come after them, then {@link #piece}. */
    private final List<byte[]> full = new ArrayList<>();
    private byte[] piece = new byte[FIRST_PIECE];
    private int used;
    private long size;
    private RandomAccessFile spill;
    /** The file's path while it still has one (where it could not be unlinked at once). */
    private Path spillPath;
    private long spilled;
    /** Set once spilling failed: the rest of the line stays in memory. */
    private boolean noSpill;
    private final Path spillDirectory;

    LineBytes() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A line whose long part goes to a file in {@code spillDirectory}. */
    LineBytes(Path spillDirectory) {
        this.spillDirectory = spillDirectory;
    }

    long size() {
        return size;
    }

    /** The bytes kept in the temporary file now. */
    long spilledBytes() {
        return spilled;
    }

    void write(byte[] from, int offset, int length) {
        while (length > 0) {
            if (used == piece.length) pieceFull();
            int n = Math.min(length, piece.length - used);
            System.arraycopy(from, offset, piece, used, n);
            used += n;
            offset += n;
            length -= n;
            size += n;
        }
    }

    /** The current piece is full: spill it and reuse it, or keep it and start a bigger one. */
    private void pieceFull() {
        if (size >= SPILL_FROM && piece.length == LARGEST_PIECE && spillPiece()) {
            used = 0;
            return;
        }
        full.add(piece);
        piece = new byte[Math.min(piece.length * 2, LARGEST_PIECE)];
        used = 0;
    }

    private boolean spillPiece() {
        if (noSpill) return false;
        try {
            if (spill == null) openSpill();
            spill.seek(spilled);
            for (int at = 0; at < used; at += IO_SLICE) spill.write(piece, at, Math.min(IO_SLICE, used - at));
            spilled += used;
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.info("A {} MB line stays in memory: its temporary file failed ({})", size >> 20, e.toString());
            noSpill = true;
            unspill();
            return false;
        }
    }

    private void openSpill() throws IOException {
        Path path = Files.createTempFile(spillDirectory, "mcp-workbench-line-", ".part");
        try {
            spill = new RandomAccessFile(path.toFile(), "rw");
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
        try {
            Files.delete(path);
        } catch (IOException e) {
            // Windows keeps an open file: it is deleted on close instead
            spillPath = path;
        }
    }

    /** Brings what was spilled back into memory pieces (spilling failed midway). */
    private void unspill() {
        if (spill == null) return;
        try {
            for (long at = 0; at < spilled; ) {
                byte[] back = new byte[(int) Math.min(LARGEST_PIECE, spilled - at)];
                readFully(at, back, 0, back.length);
                full.add(back);
                at += back.length;
            }
            spilled = 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read back a line's temporary file", e);
        } finally {
            close();
        }
    }

    private void readFully(long position, byte[] into, int offset, int length) throws IOException {
        spill.seek(position);
        for (int done = 0; done < length; done += IO_SLICE) spill.readFully(into, offset + done, Math.min(IO_SLICE, length - done));
    }

    byte[] toArray() {
        return toArray(0);
    }

    /** The bytes from {@code from} on, in an array of their exact size (an event's data after its field name). */
    byte[] toArray(int from) {
        byte[] out = new byte[Math.toIntExact(size - from)];
        int at = 0;
        long skip = from;
        for (byte[] p : full) {
            at = copy(p, p.length, out, at, skip);
            skip = Math.max(0, skip - p.length);
        }
        if (spilled > 0) {
            int n = (int) (spilled - Math.min(skip, spilled));
            try {
                readFully(spilled - n, out, at, n);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Cannot read back a line's temporary file", e);
            }
            at += n;
            skip = Math.max(0, skip - spilled);
        }
        copy(piece, used, out, at, skip);
        return out;
    }

    /** Copies {@code p[skip, n)} to {@code out} at {@code at}; returns where the copy ends. */
    private static int copy(byte[] p, int n, byte[] out, int at, long skip) {
        if (skip >= n) return at;
        System.arraycopy(p, (int) skip, out, at, n - (int) skip);
        return at + n - (int) skip;
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
        if (index < spilled) {
            byte[] one = new byte[1];
            try {
                readFully(index, one, 0, 1);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Cannot read a line's temporary file", e);
            }
            return one[0];
        }
        return piece[(int) (index - spilled)];
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

    /** Closes the temporary file, if the line has one; harmless when repeated. Read the bytes first. */
    @Override
    public void close() {
        if (spill == null) return;
        try {
            spill.close();
            if (spillPath != null) Files.deleteIfExists(spillPath);
        } catch (IOException e) {
            LOG.debug("Closing a line's temporary file: {}", e.toString());
        }
        spill = null;
        spillPath = null;
    }
}
