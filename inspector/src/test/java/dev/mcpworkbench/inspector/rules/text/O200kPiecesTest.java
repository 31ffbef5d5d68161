package dev.mcpworkbench.inspector.rules.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class O200kPiecesTest {

    /** o200k_base's pre-tokenizer, as jtokkit compiles it. */
    private static final Pattern REGEX = Pattern.compile(String.join("|",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "\\p{N}{1,3}",
            " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
            "\\s*[\\r\\n]+",
            "\\s+(?!\\S)",
            "\\s+"), Pattern.UNICODE_CHARACTER_CLASS);

    private static final Encoding JTOKKIT = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    @Test
    void piecesAreExactlyTheRegexMatches() throws Exception {
        for (String text : texts()) assertThat(pieces(text)).as(text).isEqualTo(regexPieces(text));
    }

    @Test
    void countsAreExactlyJtokkitsCounts() throws Exception {
        Tokens.clearCache();
        for (String text : texts()) assertThat(Tokens.countUncached(text)).as(text).isEqualTo(JTOKKIT.countTokensOrdinary(text));
    }

    @Test
    void longPiecesCountAsJtokkitCountsThem() {
        // pieces of 60 to 256 characters, where byte-pair merging does the most work: letters
        // (one piece per run), CJK (three bytes a character) and emoji (four)
        Random random = new Random(5);
        Tokens.clearCache();
        for (int i = 0; i < 300; i++) {
            int length = i % 2 == 0 ? Tokens.LONGEST_EXACT_PIECE : 60 + random.nextInt(197);
            StringBuilder b = new StringBuilder();
            int kind = i % 3;
            while (b.length() < length) {
                if (kind == 0) b.append((char) ('a' + random.nextInt(26)));
                else if (kind == 1) b.append((char) (0x4E00 + random.nextInt(20_000)));
                else b.appendCodePoint(0x1F300 + random.nextInt(700));
            }
            String piece = b.substring(0, Math.min(b.length(), Tokens.LONGEST_EXACT_PIECE));
            assertThat(Tokens.countUncached(piece)).as(piece).isEqualTo(JTOKKIT.countTokensOrdinary(piece));
        }
    }

    @Test
    void aHugeSinglePieceIsCountedInSlicesCloseToExact() {
        for (String piece : new String[] {"a".repeat(100_000), "Lorem".repeat(20_000), "中文".repeat(30_000)}) {
            int exact = JTOKKIT.countTokensOrdinary(piece);
            int slices = piece.length() / Tokens.LONGEST_EXACT_PIECE + 1;
            assertThat(Tokens.countUncached(piece)).as("%s…", piece.substring(0, 10)).isBetween(exact - slices, exact + slices);
        }
    }

    private static List<String> texts() throws Exception {
        List<String> texts = new ArrayList<>(CorpusTexts.all());
        for (String name : new String[] {"everything.json", "filesystem.json", "memory.json", "seqthink.json"}) {
            try (InputStream in = O200kPiecesTest.class.getResourceAsStream("/corpus/" + name)) {
                ServerSnapshot snapshot = SnapshotJson.read(in, name);
                snapshot.tools().forEach(tool -> texts.add(JsonText.compact(tool)));
            }
        }
        texts.addAll(List.of("", " ", "  ", "a  b", "x \n\n  y", "\r\n\r\n", "  \n", "\t\t", "ABC", "ABCdef", "HTTPServer's",
                "don't I'LL we'Re they've ſ 'ſ it'ſ", "1234567", "٣٤٥٦", "Ⅻ½", "e\u0301te\u0301", "\u0301\u0301", "日本語のテキスト",
                "emoji 😀😀 text", "\uD800 lone \uDC00", "a\u00A0b\u2003c\u3000d", "path/to//file\n/", " !!!\n\n", "ǅungla Ǆ",
                "ʰʰa", "MixedCASEWords", "$100.00", "\u0085x\u2028y"));
        texts.addAll(random(3_000));
        texts.addAll(randomAscii(3_000));
        return texts;
    }

    /** Random strings from an alphabet chosen to hit every class boundary of the regex. */
    private static List<String> random(int count) {
        String[] alphabet = {"a", "z", "A", "Z", "0", "9", " ", "  ", "\t", "\n", "\r", "/", "'", "s", "S", "t", "re", "LL", "ve",
                "ſ", "!", "-", ".", "\u0301", "\u0903", "ǅ", "ʰ", "中", "ß", "É", "é", "٣", "½", "Ⅻ", "\u00A0", "\u2003", "\u3000",
                "\u0085", "\u2028", "😀", "\uD800", "\uDC00", "\u200B", "_", "\"", "{", "}", ":", ","};
        Random random = new Random(7);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(24); j >= 0; j--) b.append(alphabet[random.nextInt(alphabet.length)]);
            out.add(b.toString());
        }
        return out;
    }

    /** Random ASCII, control characters included, with contractions and mixed case: the fast path's whole domain. */
    private static List<String> randomAscii(int count) {
        String[] common = {"'s", "'S", "'t", "'re", "'RE", "'ve", "'m", "'ll", "'LL", "'d", "'x", "Ab", "aB", "ABc", " ", "\r\n", "123", "  \t"};
        Random random = new Random(11);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(30); j >= 0; j--) {
                if (random.nextInt(4) == 0) b.append(common[random.nextInt(common.length)]);
                else b.append((char) random.nextInt(128));
            }
            out.add(b.toString());
        }
        return out;
    }

    private static List<String> pieces(String text) {
        List<String> out = new ArrayList<>();
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; ) {
            int end = O200kPieces.match(chars, chars.length, i);
            out.add(text.substring(i, end));
            i = end;
        }
        return out;
    }

    private static List<String> regexPieces(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = REGEX.matcher(text);
        int expectedStart = 0;
        while (m.find()) {
            assertThat(m.start()).as("the regex leaves no gap in %s", text).isEqualTo(expectedStart);
            out.add(m.group());
            expectedStart = m.end();
        }
        return out;
    }
}
