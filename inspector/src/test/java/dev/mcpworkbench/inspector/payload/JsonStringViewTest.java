package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reusable view must read every string exactly as {@link JsonIndex#stringValue} decodes it (or
 * its head, as the rules' walk asked for before the view): whatever the escapes, the UTF-8, the
 * surrogates, or bytes that are not UTF-8 at all.
 */
class JsonStringViewTest {

    /** Pieces of string literals as sent: plain, escaped, 2/3/4-byte UTF-8, surrogate escapes, and bytes that are not UTF-8. */
    private static final List<byte[]> PIECES = pieces(
            "a", "Z", "0", " ", "~", "plain ascii",
            "\\n", "\\t", "\\r", "\\b", "\\f", "\\/", "\\\\", "\\\"",
            "\\u0041", "\\u00e9", "\\u20ac", "\\u0000", "\\u001b", "\\uFEFF",
            "\\ud83d\\ude00", "\\uD83D\\uDE00", "\\ud800", "\\udc00", "\\ud800x", "\\ud800\\u0041",
            "é", "€", "中", "😀", "\uD800\uDF48", "e\u0301", "\u200b", "\uDB40\uDC41");

    private static final byte[][] NOT_UTF8 = {
        {(byte) 0xC3}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}};

    @Test
    void readsEveryPieceAsTheDecoderDoes() throws Exception {
        List<byte[]> literals = new ArrayList<>(PIECES);
        for (byte[] a : PIECES) for (byte[] b : PIECES) literals.add(concat(a, b));
        assertSameAsDecoder(literals, false);
    }

    @Test
    void readsRandomMixesAsTheDecoderDoesAtEveryHeadLength() throws Exception {
        Random r = new Random(22);
        List<byte[]> literals = new ArrayList<>();
        for (int k = 0; k < 3000; k++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int pieces = r.nextInt(12);
            for (int p = 0; p < pieces; p++) b.writeBytes(PIECES.get(r.nextInt(PIECES.size())));
            literals.add(b.toByteArray());
        }
        assertSameAsDecoder(literals, false);
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsTheDecoderReplacesThem() {
        Random r = new Random(5);
        List<byte[]> literals = new ArrayList<>();
        for (byte[] bad : NOT_UTF8) {
            literals.add(bad);
            for (byte[] piece : PIECES) {
                literals.add(concat(piece, bad));
                literals.add(concat(bad, piece));
            }
        }
        for (int k = 0; k < 2000; k++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int pieces = 1 + r.nextInt(8);
            for (int p = 0; p < pieces; p++) {
                b.writeBytes(r.nextInt(4) == 0 ? NOT_UTF8[r.nextInt(NOT_UTF8.length)] : PIECES.get(r.nextInt(PIECES.size())));
            }
            literals.add(b.toByteArray());
        }
        // the index's parse refuses bytes that break UTF-8's structure (a lone lead or continuation
        // byte); overlong forms, encoded surrogates and code points past U+10FFFF get through
        assertSameAsDecoder(literals.stream().filter(JsonStringViewTest::indexable).toList(), true);
    }

    private static boolean indexable(byte[] literal) {
        try {
            JsonIndex.of(concat(concat("[\"".getBytes(StandardCharsets.UTF_8), literal), "\"]".getBytes(StandardCharsets.UTF_8)));
            return true;
        } catch (InvalidJsonException e) {
            return false;
        }
    }

    @Test
    void theViewIsReusedAndWhatWasCopiedStays() throws Exception {
        JsonIndex tree = JsonIndex.of("[\"first\",\"s\\u00e9cond\",\"third\"]");
        JsonStringView view = new JsonStringView();
        view.read(tree, 1, 100);
        String kept = view.toString();
        String piece = view.subSequence(1, 3);
        view.read(tree, 2, 100);
        assertThat(view.toString()).isEqualTo("sécond");
        view.read(tree, 3, 100);
        assertThat(view).hasToString("third");
        assertThat(kept).isEqualTo("first");
        assertThat(piece).isEqualTo("ir");
    }

    /**
     * Indexes the literals as one array (raw bytes: the index skips string content, so bytes that
     * are not UTF-8 get through as they would from a server) and compares every string at several
     * head lengths with what the decoder gives.
     */
    private static void assertSameAsDecoder(List<byte[]> literals, boolean expectReplacements) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        json.write('[');
        for (int i = 0; i < literals.size(); i++) {
            if (i > 0) json.write(',');
            json.write('"');
            json.writeBytes(literals.get(i));
            json.write('"');
        }
        json.write(']');
        JsonIndex tree;
        try {
            tree = JsonIndex.of(json.toByteArray());
        } catch (InvalidJsonException e) {
            throw new AssertionError(e);
        }
        assertThat(tree.size()).isEqualTo(literals.size() + 1);
        JsonStringView view = new JsonStringView();
        int replaced = 0;
        for (int n = 1; n < tree.size(); n++) {
            String whole = tree.stringValue(n);
            if (whole.indexOf('\uFFFD') >= 0) replaced++;
            for (int max : new int[] {0, 1, 2, 3, 5, 8, 13, 40, 1000}) {
                boolean cut = view.read(tree, n, max);
                // what the rules' walk read before the view: the whole value of a literal no longer than
                // the head, else the head and one more char to tell whether it is longer
                String expected;
                boolean expectedCut;
                if (tree.literalBytes(n) <= max) {
                    expected = whole;
                    expectedCut = false;
                } else {
                    String head = tree.stringHead(n, max + 1);
                    expectedCut = head.length() > max;
                    expected = expectedCut ? head.substring(0, max) : head;
                }
                String at = "literal " + n + " (" + new String(literals.get(n - 1), StandardCharsets.ISO_8859_1) + ") head " + max;
                assertThat(view.toString()).as(at).isEqualTo(expected);
                assertThat(view.length()).as(at).isEqualTo(expected.length());
                for (int c = 0; c < expected.length(); c++) assertThat(view.charAt(c)).as(at + " char " + c).isEqualTo(expected.charAt(c));
                assertThat(cut).as(at + " cut").isEqualTo(expectedCut);
            }
        }
        if (expectReplacements) assertThat(replaced).as("strings with replaced bytes").isPositive();
    }

    private static List<byte[]> pieces(String... literals) {
        List<byte[]> out = new ArrayList<>();
        for (String l : literals) out.add(l.getBytes(StandardCharsets.UTF_8));
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
