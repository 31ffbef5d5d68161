package dev.mcpworkbench.inspector.rules.text;

import com.knuddels.jtokkit.Encodings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * o200k_base's byte-pair merges ({@link BytePairMerges}) for one piece that {@link O200kPieces}
 * has already split off, with the ranks read from the file jtokkit ships. Building jtokkit's own
 * encoding from them took longer than reading them (its maps of wrapped byte arrays, 200,000
 * entries), and was more than half of what a small server's {@code mcp-workbench scan} spent; this
 * table is one array of bytes and two of ints. {@code O200kPiecesTest} checks every count against
 * jtokkit's o200k_base.
 */
final class PieceEncoding {

    private static final String RANKS = "/com/knuddels/jtokkit/o200k_base.tiktoken";

    private PieceEncoding() {
    }

    // Reading 200,000 ranks takes a moment: once per JVM, on first use.
    private static final class Holder {
        static final Ranks RANKS = Ranks.read(file());
    }

    /** Tokens of {@code piece}, which must be one piece of o200k_base's pre-tokenizer. */
    static int count(String piece) {
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        return BytePairMerges.count(Holder.RANKS, bytes);
    }

    private static byte[] file() {
        try (InputStream in = Encodings.class.getResourceAsStream(RANKS)) {
            if (in == null) throw new IllegalStateException("jtokkit no longer ships " + RANKS);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every token's bytes, back to back, found by an open-addressing table of ranks: no object per
     * token, so reading the file is most of the cost of building it.
     */
    static final class Ranks {
        private final byte[] bytes;
        private final int[] start; // token r's bytes are bytes[start[r], start[r + 1])
        private final int[] slots; // rank + 1, 0 for an empty slot
        private final int mask;

        private Ranks(byte[] bytes, int[] start, int tokens) {
            this.bytes = bytes;
            this.start = start;
            int size = Integer.highestOneBit(Math.max(2, tokens) * 2) * 2;
            slots = new int[size];
            mask = size - 1;
            for (int r = 0; r < tokens; r++) {
                int at = hash(bytes, start[r], start[r + 1]) & mask;
                while (slots[at] != 0) at = (at + 1) & mask;
                slots[at] = r + 1;
            }
        }

        /**
         * The "base64 rank" lines of a tiktoken file, ranks 0, 1, 2... in order as o200k_base has
         * them; a line out of order is an error rather than a silently wrong count.
         */
        static Ranks read(byte[] file) {
            byte[] decoded = new byte[file.length]; // base64 is longer than what it encodes
            int[] start = new int[1 << 18];
            int tokens = 0;
            int length = 0;
            for (int at = 0; at < file.length; ) {
                int space = at;
                while (space < file.length && file[space] != ' ') space++;
                int end = space + 1;
                int rank = 0;
                while (end < file.length && file[end] >= '0' && file[end] <= '9') rank = rank * 10 + (file[end++] - '0');
                if (space > at && space < file.length) {
                    if (rank != tokens) throw new IllegalStateException("o200k_base ranks out of order at rank " + rank);
                    if (tokens + 1 >= start.length) start = Arrays.copyOf(start, start.length * 2);
                    start[tokens++] = length;
                    length = decodeBase64(file, at, space, decoded, length);
                }
                at = end;
                while (at < file.length && (file[at] == '\n' || file[at] == '\r')) at++;
            }
            start[tokens] = length;
            return new Ranks(Arrays.copyOf(decoded, length), start, tokens);
        }

        private static final byte[] BASE64 = new byte[128];

        static {
            Arrays.fill(BASE64, (byte) -1);
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            for (int i = 0; i < alphabet.length(); i++) BASE64[alphabet.charAt(i)] = (byte) i;
        }

        /** Decodes the base64 text {@code in[from, to)} (padded) into {@code out} at {@code at}; returns where it ends. */
        private static int decodeBase64(byte[] in, int from, int to, byte[] out, int at) {
            int bits = 0;
            int held = 0;
            for (int i = from; i < to && in[i] != '='; i++) {
                int value = in[i] >= 0 ? BASE64[in[i]] : -1;
                if (value < 0) throw new IllegalStateException("not base64 in the o200k_base ranks at byte " + i);
                bits = bits << 6 | value;
                held += 6;
                if (held >= 8) {
                    held -= 8;
                    out[at++] = (byte) (bits >> held);
                }
            }
            return at;
        }

        /** The rank of the token {@code piece[from, to)}, or -1 when those bytes are not one token. */
        int rank(byte[] piece, int from, int to) {
            int length = to - from;
            for (int at = hash(piece, from, to) & mask; ; at = (at + 1) & mask) {
                int entry = slots[at];
                if (entry == 0) return -1;
                int r = entry - 1;
                if (start[r + 1] - start[r] == length && Arrays.equals(bytes, start[r], start[r + 1], piece, from, to)) return r;
            }
        }

        private static int hash(byte[] b, int from, int to) {
            int h = to - from;
            for (int i = from; i < to; i++) h = 31 * h + b[i];
            return h * 0x9E3779B9 >>> 7;
        }
    }
}
