package dev.mcpworkbench.inspector.rules.text;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * o200k_base's byte-pair merges for one piece that {@link O200kPieces} has already split off.
 * jtokkit's own o200k_base encoding would run its pre-tokenizer regex again over every piece, and
 * that regex (Unicode classes, seven alternatives) was a quarter of a first scan's counting. This
 * encoding has the same ranks, read from the file jtokkit ships, and a pattern that takes the
 * piece whole. {@code O200kPiecesTest} checks it against jtokkit's o200k_base.
 */
final class PieceEncoding {

    private static final String RANKS = "/com/knuddels/jtokkit/o200k_base.tiktoken";
    private static final String NAME = "o200k_base-pre-split";

    private PieceEncoding() {
    }

    // Reading 200,000 ranks takes a moment: once per JVM, on first use.
    private static final class Holder {
        static final Encoding ENCODING = load();
    }

    /** Tokens of {@code piece}, which must be one piece of o200k_base's pre-tokenizer. */
    static int count(String piece) {
        return Holder.ENCODING.countTokensOrdinary(piece);
    }

    private static Encoding load() {
        GptBytePairEncodingParams params = new GptBytePairEncodingParams(NAME, Pattern.compile(".+", Pattern.DOTALL), ranks(), Map.of());
        return Encodings.newLazyEncodingRegistry().registerGptBytePairEncoding(params).getEncoding(NAME).orElseThrow();
    }

    /** The ranks file: one "base64-token rank" line per token, read in one go and parsed in place. */
    private static Map<byte[], Integer> ranks() {
        byte[] file;
        try (InputStream in = Encodings.class.getResourceAsStream(RANKS)) {
            if (in == null) throw new IllegalStateException("jtokkit no longer ships " + RANKS);
            file = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<byte[], Integer> ranks = new HashMap<>(270_000);
        Base64.Decoder base64 = Base64.getDecoder();
        for (int at = 0; at < file.length; ) {
            int space = at;
            while (space < file.length && file[space] != ' ') space++;
            int end = space;
            int rank = 0;
            while (++end < file.length && file[end] >= '0' && file[end] <= '9') rank = rank * 10 + (file[end] - '0');
            if (space > at && space < file.length) ranks.put(base64.decode(Arrays.copyOfRange(file, at, space)), rank);
            at = end;
            while (at < file.length && (file[at] == '\n' || file[at] == '\r')) at++;
        }
        return ranks;
    }
}
