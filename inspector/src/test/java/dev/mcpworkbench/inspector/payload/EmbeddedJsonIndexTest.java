package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A text block holding JSON as a JSON string is indexed where it lies, over the escaped literal,
 * with no unescaped copy ({@link JsonIndex#ofEmbedded}). Every escape shifts the bytes under the
 * index, so any answer read at the wrong place, or any escape decoded one way here and another in
 * the plain index, shows as a difference: every answer must be the one the plain index of the
 * decoded text gives, byte measures aside (those count the bytes as sent, and are checked to point
 * at the escaped text of their node). The literals are written three ways: Jackson's default
 * escaping, Jackson escaping all non-ASCII, and a hostile escaper that writes any character, the
 * structure included, as {@code \\uXXXX} (non-BMP as surrogate pairs) and '/' as {@code \/}.
 */
class EmbeddedJsonIndexTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper ASCII = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String[] SEARCHES = {"a", "é", "中", "\"", "\\", "/", "true", "1", "k", "\n", "😀", "zz-none", "u0041", "E"};

    /** A message with the text block's literal at data[quote, end). */
    private record Embedded(String how, byte[] data, int quote, int end) {
    }

    /** Counts what was compared, for the report. */
    private static int documents;
    private static long nodes;

    // ---------------------------------------------------------------- the three ways of writing a text block

    private static Embedded byJackson(ObjectMapper mapper, String how, String text) throws Exception {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "text");
        block.put("text", text);
        return located(how, mapper.writeValueAsString(Map.of("content", List.of(block))));
    }

    private static Embedded hostile(String text, Random r, double share) throws Exception {
        String prefix = r.nextBoolean() ? "" : "\"isError\":false, ";
        return located("hostile " + share, "{" + prefix + "\"content\":[{\"type\":\"text\",\"text\":\"" + hostileEscape(text, r, share) + "\"}]}");
    }

    private static Embedded located(String how, String message) throws Exception {
        byte[] data = message.getBytes(StandardCharsets.UTF_8);
        JsonIndex m = JsonIndex.of(data);
        int t = m.resolve("/content/0/text");
        return new Embedded(how, data, m.literalStart(t), m.literalEnd(t));
    }

    /** Escapes a share of the characters (all when 1) as {@code \\uXXXX}, the rest as JSON must, and '/' as {@code \/}. */
    private static String hostileEscape(String text, Random r, double share) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(cp -> {
            boolean u = r.nextDouble() < share;
            if (u) {
                for (char c : Character.toChars(cp)) b.append(String.format(r.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
            } else if (cp == '"') {
                b.append("\\\"");
            } else if (cp == '\\') {
                b.append("\\\\");
            } else if (cp == '/') {
                b.append("\\/");
            } else if (cp < 0x20) {
                b.append(switch (cp) {
                    case '\n' -> "\\n";
                    case '\t' -> "\\t";
                    case '\r' -> "\\r";
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    default -> String.format("\\u%04x", cp);
                });
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    // ---------------------------------------------------------------- comparison

    private static JsonIndex reference(String text, PayloadLimits limits) throws InvalidJsonException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return JsonIndexBuilder.build(utf8, 0, utf8.length, limits, StringVisitor.NONE);
    }

    /** The text embedded the three ways, each indexed in place and compared with the plain index. */
    private static void sameAsDecoded(String text, Random r) throws Exception {
        JsonIndex ref = reference(text, PayloadLimits.defaults());
        List<Embedded> ways = List.of(byJackson(PLAIN, "jackson", text), byJackson(ASCII, "jackson non-ASCII escaped", text),
                hostile(text, r, 1.0), hostile(text, r, r.nextDouble()));
        PayloadParser parser = PayloadParser.defaults();
        java.util.BitSet secretKeys = parser.index(text.getBytes(StandardCharsets.UTF_8)).flaggedKeys();
        for (Embedded e : ways) {
            JsonIndex emb = JsonIndex.ofEmbedded(e.data(), e.quote(), e.end());
            compare(ref, emb, text, e);
            assertThat(parser.indexEmbedded(e.data(), e.quote(), e.end()).flaggedKeys()).as(e.how() + " of " + abbreviate(text) + " secret keys")
                    .isEqualTo(secretKeys);
        }
    }

    private static void compare(JsonIndex ref, JsonIndex emb, String text, Embedded e) throws Exception {
        documents++;
        nodes += ref.size();
        String doc = e.how() + " of " + abbreviate(text);
        assertThat(emb.size()).as(doc).isEqualTo(ref.size());
        assertThat(emb.tokensExact()).as(doc).isEqualTo(ref.tokensExact());
        assertThat(emb.flaggedKeys()).as(doc).isEqualTo(ref.flaggedKeys());
        boolean tokens = ref.tokensExact() && emb.tokensExact();
        boolean big = ref.size() > 2_000;
        for (int n = 0; n < ref.size(); n++) {
            String at = doc + ", node " + n + " " + ref.pointer(n);
            sameStructure(ref, emb, n, at, big);
            sameText(ref, emb, n, at, big);
            if (tokens) assertThat(emb.tokens(n)).as(at + " tokens").isEqualTo(ref.tokens(n));
            if (ref.type(n) == NodeType.STRING) sameString(ref, emb, n, at);
            if (ref.type(n) == NodeType.ARRAY) sameFieldWeights(ref, emb, n, at, tokens);
            bytesPointAtTheEscapedText(ref, emb, n, at, big);
        }
        sameSearches(ref, emb, doc, big);
        wholeDocument(emb, text, e, doc);
    }

    private static void sameStructure(JsonIndex ref, JsonIndex emb, int n, String at, boolean big) {
        assertThat(emb.type(n)).as(at + " type").isEqualTo(ref.type(n));
        assertThat(emb.key(n)).as(at + " key").isEqualTo(ref.key(n));
        assertThat(emb.label(n)).as(at + " label").isEqualTo(ref.label(n));
        assertThat(emb.arrayIndex(n)).as(at + " arrayIndex").isEqualTo(ref.arrayIndex(n));
        assertThat(emb.parent(n)).as(at + " parent").isEqualTo(ref.parent(n));
        assertThat(emb.depth(n)).as(at + " depth").isEqualTo(ref.depth(n));
        assertThat(emb.childCount(n)).as(at + " childCount").isEqualTo(ref.childCount(n));
        // children() of a scalar is not asked: on the plain index it leaves a negative rank hint behind (see the report)
        assertThat(emb.children(n)).as(at + " children").isEqualTo(ref.children(n));
        assertThat(emb.skip(n)).as(at + " skip").isEqualTo(ref.skip(n));
        assertThat(emb.pointer(n)).as(at + " pointer").isEqualTo(ref.pointer(n));
        // resolving /many/i steps over i elements: every node of a big list would take minutes
        if (!big || n % 97 == 0) assertThat(emb.resolve(ref.pointer(n))).as(at + " resolve").isEqualTo(ref.resolve(ref.pointer(n)));
        if (ref.type(n) == NodeType.OBJECT) {
            for (int c : ref.children(n)) assertThat(emb.member(n, ref.key(c))).as(at + " member " + ref.key(c)).isEqualTo(ref.member(n, ref.key(c)));
            assertThat(emb.member(n, "no such member")).as(at + " member").isEqualTo(-1);
        }
        for (int i = -1; i <= Math.min(ref.childCount(n), 40); i++) {
            assertThat(emb.element(n, i)).as(at + " element " + i).isEqualTo(ref.element(n, i));
        }
    }

    private static void sameText(JsonIndex ref, JsonIndex emb, int n, String at, boolean big) throws Exception {
        String raw = ref.rawText(n);
        byte[] rawUtf8 = raw.getBytes(StandardCharsets.UTF_8);
        assertThat(emb.rawText(n)).as(at + " rawText").isEqualTo(raw);
        assertThat(emb.stringValue(n)).as(at + " stringValue").isEqualTo(ref.stringValue(n));
        for (int k : new int[] {0, 1, 3, 10, 40}) assertThat(emb.preview(n, k)).as(at + " preview " + k).isEqualTo(ref.preview(n, k));
        for (long max : new long[] {rawUtf8.length, rawUtf8.length + 7L, Integer.MAX_VALUE}) {
            assertThat(emb.rawBytes(n, (int) max)).as(at + " rawBytes " + max).isEqualTo(rawUtf8);
        }
        for (int max : new int[] {0, 1, 5, rawUtf8.length / 2, rawUtf8.length - 1}) {
            if (max < 0) continue;
            byte[] head = emb.rawBytes(n, max);
            assertThat(head.length).as(at + " rawBytes length " + max).isLessThanOrEqualTo(max);
            assertThat(java.util.Arrays.copyOf(rawUtf8, head.length)).as(at + " rawBytes prefix " + max).isEqualTo(head);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        emb.writeTo(n, out);
        assertThat(out.toByteArray()).as(at + " writeTo").isEqualTo(rawUtf8);
        // every page size for the root and small nodes (paging each of 900 nested arrays took seconds)
        if (n == 0 || !big && emb.bytes(n) < 2_000) {
            for (int page : new int[] {12, 13, 17, 64, 4096}) assertThat(paged(emb, n, page)).as(at + " rawSlice pages of " + page).isEqualTo(raw);
            assertThat(emb.rawSlice(n, emb.bytes(n), 12)).as(at + " rawSlice past the end").isEmpty();
        } else {
            assertThat(paged(emb, n, 65_536)).as(at + " rawSlice pages of 65536").isEqualTo(raw);
        }
        if (!big && raw.length() < 4_000) assertThat(emb.exactTokens(n)).as(at + " exactTokens").isEqualTo(ref.exactTokens(n));
    }

    private static String paged(JsonIndex ix, int n, int page) {
        StringBuilder b = new StringBuilder();
        for (long off = 0; off < ix.bytes(n); off += page) b.append(ix.rawSlice(n, off, page));
        return b.toString();
    }

    private static void sameString(JsonIndex ref, JsonIndex emb, int n, String at) {
        String value = ref.stringValue(n);
        for (int k : new int[] {0, 1, 2, 3, 7, value.length() - 1, value.length(), value.length() + 1, Integer.MAX_VALUE}) {
            if (k < 0) continue;
            assertThat(emb.stringHead(n, k)).as(at + " stringHead " + k).isEqualTo(ref.stringHead(n, k));
        }
        assertThat(emb.stringBytes(n)).as(at + " stringBytes").isEqualTo(ref.stringBytes(n));
        assertThat(emb.firstNonBlankChar(n)).as(at + " firstNonBlankChar").isEqualTo(ref.firstNonBlankChar(n));
        assertThat(emb.literalBytes(n)).as(at + " literalBytes").isEqualTo(emb.bytes(n));
        JsonStringView mine = new JsonStringView();
        JsonStringView theirs = new JsonStringView();
        for (int max : new int[] {0, 1, 5, value.length(), 1_000_000}) {
            assertThat(mine.read(emb, n, max)).as(at + " JsonStringView.read " + max).isEqualTo(theirs.read(ref, n, max));
            assertThat(mine.toString()).as(at + " JsonStringView " + max).isEqualTo(theirs.toString());
        }
        assertThat(theirs.toString()).as(at + " JsonStringView whole").isEqualTo(value);
    }

    private static void sameFieldWeights(JsonIndex ref, JsonIndex emb, int n, String at, boolean tokens) {
        FieldWeights a = FieldWeights.of(ref, n);
        FieldWeights b = FieldWeights.of(emb, n);
        assertThat(b.arrayNode()).as(at + " FieldWeights.arrayNode").isEqualTo(a.arrayNode());
        assertThat(b.itemCount()).as(at + " FieldWeights.itemCount").isEqualTo(a.itemCount());
        // fields of equal tokens are ordered by bytes, which count escapes here: compare them as sets, and the order of the token counts
        assertThat(Set.copyOf(fieldsOf(b, tokens))).as(at + " FieldWeights.fields").isEqualTo(Set.copyOf(fieldsOf(a, tokens)));
        assertThat(b.fields()).as(at + " FieldWeights.fields count").hasSameSizeAs(a.fields());
        if (tokens) {
            assertThat(b.arrayTokens()).as(at + " FieldWeights.arrayTokens").isEqualTo(a.arrayTokens());
            assertThat(b.fields().stream().map(FieldWeights.Field::tokens).toList()).as(at + " FieldWeights order by tokens")
                    .isEqualTo(a.fields().stream().map(FieldWeights.Field::tokens).toList());
        }
    }

    private static List<List<Object>> fieldsOf(FieldWeights w, boolean tokens) {
        return w.fields().stream().map(f -> tokens ? List.<Object>of(f.path(), f.depth(), f.items(), f.tokens(), f.firstNode())
                : List.<Object>of(f.path(), f.depth(), f.items(), f.firstNode())).toList();
    }

    /**
     * Byte measures count the escaped bytes: a node's offsets must frame exactly the escaped text of
     * its literal (decoding it gives the node's text), and the bytes between offsets are its size.
     */
    private static void bytesPointAtTheEscapedText(JsonIndex ref, JsonIndex emb, int n, String at, boolean big) throws Exception {
        long from = emb.startOffset(n);
        long to = emb.endOffset(n);
        assertThat(emb.bytes(n)).as(at + " bytes = end - start").isEqualTo(to - from);
        assertThat(emb.bytes(n)).as(at + " bytes at least the decoded").isGreaterThanOrEqualTo(ref.bytes(n));
        assertThat(to).as(at + " endOffset").isLessThanOrEqualTo(emb.totalBytes());
        assertThat(emb.nodeAt(from)).as(at + " nodeAt(startOffset)").isEqualTo(n);
        assertThat(emb.nodeAt(to - 1)).as(at + " nodeAt(endOffset - 1)").isEqualTo(n);
        int parent = emb.parent(n);
        if (parent >= 0) {
            assertThat(from).as(at + " inside its parent").isGreaterThan(emb.startOffset(parent));
            assertThat(to).as(at + " inside its parent").isLessThan(emb.endOffset(parent));
        }
        if (!big || to - from < 10_000) {
            assertThat(unescape(emb.latin1View(from, to))).as(at + " escaped text at the offsets").isEqualTo(ref.rawText(n));
            assertThat(emb.latin1Chars(from, to).toString()).as(at + " latin1Chars").isEqualTo(emb.latin1View(from, to));
        }
    }

    /** The escaped bytes (read one char per byte) decoded as the content of a JSON string. */
    private static String unescape(String latin1) throws Exception {
        String escaped = new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        return PLAIN.readValue("\"" + escaped + "\"", String.class);
    }

    private static void sameSearches(JsonIndex ref, JsonIndex emb, String doc, boolean big) {
        int[] froms = big ? new int[] {0} : new int[] {0, ref.size() / 2, ref.size() - 1};
        for (String q : big ? new String[] {"a", "zz-none"} : SEARCHES) {
            for (int from : froms) {
                for (boolean forward : new boolean[] {true, false}) {
                    assertThat(emb.search(q, from, forward)).as(doc + " search " + q + " from " + from + " " + forward)
                            .isEqualTo(ref.search(q, from, forward));
                }
            }
        }
    }

    /** The whole literal's content is the document; every offset finds the deepest node framing it. */
    private static void wholeDocument(JsonIndex emb, String text, Embedded e, String doc) throws Exception {
        long total = emb.totalBytes();
        assertThat(emb.latin1View().length()).as(doc + " latin1View").isEqualTo(total);
        if (total < 100_000) assertThat(unescape(emb.latin1View())).as(doc + " the whole escaped text").isEqualTo(text);
        long step = Math.max(1, total / 64);
        for (long o = 0; o < total; o += step) {
            int deepest = -1;
            for (int n = 0; n < emb.size(); n++) if (emb.startOffset(n) <= o && o < emb.endOffset(n)) deepest = n;
            assertThat(emb.nodeAt(o)).as(doc + " nodeAt " + o).isEqualTo(deepest);
        }
        assertThat(emb.nodeAt(total)).as(doc + " nodeAt past the end").isEqualTo(-1);
    }

    /** The text as a JSON string (control characters visible), cut at 200 chars. */
    private static String abbreviate(String text) {
        String head = JsonStrings.quote(text.length() <= 200 ? text : text.substring(0, 200));
        return text.length() <= 200 ? head : head + "… (" + text.length() + " chars)";
    }

    // ---------------------------------------------------------------- random documents

    private static final String[] PIECES = {"a", "b", "key", " ", "\"", "\\", "/", "\n", "\t", "\b", "\f", "\r", "\u0001", "\u001f",
        "é", "中", "😀", "\\u0041", "\\n", "~", "~1", "true", "{", "]", ":", ",", "\u007f", "\u2028", "Ω", "password", "api_key", "tok\\u0065n", "\u0000"};
    private static final String[] NUMBERS = {"0", "-0", "7", "42", "-17", "3.14159", "-0.5", "1e10", "1E-7", "-2.5e+3",
        "123456789012345678901234567890", "6.02214076e23", "0.000001"};
    private static final String[] SPACES = {" ", "\n", "\t", "\r\n", "\n\t\t", "  "};

    private record Style(Random r, boolean pretty) {
        String ws() {
            return pretty && r.nextInt(3) > 0 ? SPACES[r.nextInt(SPACES.length)] : "";
        }
    }

    private static String randomString(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) b.append(PIECES[r.nextInt(PIECES.length)]);
        return b.toString();
    }

    /** A JSON string literal for {@code s}, escaped one of the valid ways JSON allows. */
    private static String literal(String s, Random r) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp == '"') b.append(r.nextBoolean() ? "\\\"" : "\\u0022");
            else if (cp == '\\') b.append("\\\\");
            else if (cp == '/') b.append(r.nextBoolean() ? "/" : "\\/");
            else if (cp < 0x20) b.append(cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : String.format("\\u%04x", cp));
            else if (cp > 0x7f && r.nextInt(4) == 0) for (char c : Character.toChars(cp)) b.append(String.format("\\u%04X", (int) c));
            else b.appendCodePoint(cp);
        });
        return b.append('"').toString();
    }

    private static String randomValue(Style s, int depth) {
        Random r = s.r();
        // containers near the root (so documents have some size), none past depth 6
        int kind = depth >= 6 ? r.nextInt(4) : depth == 0 ? 4 + r.nextInt(4) : r.nextInt(depth < 3 ? 10 : 8);
        return switch (kind) {
            case 0 -> NUMBERS[r.nextInt(NUMBERS.length)];
            case 1, 2 -> literal(randomString(r), r);
            case 3 -> new String[] {"true", "false", "null"}[r.nextInt(3)];
            case 4, 5 -> {
                StringBuilder b = new StringBuilder("[");
                int n = r.nextInt(depth == 0 ? 8 : 6);
                for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append(s.ws()).append(randomValue(s, depth + 1)).append(s.ws());
                yield b.append(']').toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("{");
                int n = r.nextInt(depth == 0 ? 8 : 5);
                for (int i = 0; i < n; i++) {
                    b.append(i == 0 ? "" : ",").append(s.ws()).append(literal(r.nextInt(3) == 0 ? randomString(r) : "k" + i, r))
                            .append(s.ws()).append(':').append(s.ws()).append(randomValue(s, depth + 1)).append(s.ws());
                }
                yield b.append('}').toString();
            }
        };
    }

    @Test
    void randomDocumentsEscapedThreeWays() throws Exception {
        Random r = new Random(7);
        int before = documents;
        for (int i = 0; i < 300; i++) {
            Style s = new Style(r, r.nextBoolean());
            String text = s.ws() + randomValue(s, r.nextInt(8) == 0 ? 6 : 0) + s.ws();
            sameAsDecoded(text, r);
        }
        assertThat(documents - before).isEqualTo(1_200);
        System.out.println("EmbeddedJsonIndexTest: " + documents + " embedded documents, " + nodes + " nodes compared so far");
    }

    // ---------------------------------------------------------------- hand-picked documents

    @Test
    void smallAndEmptyTexts() throws Exception {
        Random r = new Random(1);
        for (String text : List.of("{}", "[]", "\n\t {}", "\n\t [ ]\n", "42", "-1.5e-3", "true", "null", "\"\"", "\"a\\\"b\"",
                "{\"\":\"\"}", "[[],{},[{}]]", "{\"a/b~c\":{\"\\/\":[\"\\u0041\",\"\\\\u0041\"]}}", " \"😀 \\ud83d\\ude00\" ",
                "[\"\\u00e9\", \"é\", \"\\\"\", \"\\\\\", \"\\b\\f\\n\\r\\t\\/\"]",
                "[\"\\ud800\", \"\\udc00x\", \"\\ud83d\\ude00\", \"\\uD83D\\uDE00😀\"]")) {
            sameAsDecoded(text, r);
        }
    }

    @Test
    void pagesOfTheRawTextNeverSplitACharacterSentAsIs() throws Exception {
        // Jackson sends "é" as its two UTF-8 bytes: the literal's content is \"aaaaaaaaaé\" and a page of 12 bytes ends between them
        Embedded e = byJackson(PLAIN, "jackson", "\"aaaaaaaaaé\"");
        JsonIndex emb = JsonIndex.ofEmbedded(e.data(), e.quote(), e.end());
        assertThat(emb.bytes(0)).isEqualTo(15);
        assertThat(emb.rawSlice(0, 0, 12) + emb.rawSlice(0, 12, 12)).isEqualTo("\"aaaaaaaaaé\"");
    }

    @Test
    void pagesNeverSplitASurrogatePairSentAsTwoEscapes() throws Exception {
        // every character escaped: each emoji is \\ud83d\\ude00, twelve bytes a page may end in the middle of
        String text = "[\"😀😀😀\", \"a😀\"]";
        Embedded e = hostile(text, new Random(11), 1.0);
        JsonIndex emb = JsonIndex.ofEmbedded(e.data(), e.quote(), e.end());
        for (int page = 12; page <= 40; page++) {
            for (int n = 0; n < emb.size(); n++) assertThat(paged(emb, n, page)).as("node " + n + " pages of " + page).isEqualTo(JsonIndex.of(text).rawText(n));
        }
    }

    @Test
    void aByteOrderMarkBeforeTheTextIsPassedOver() throws Exception {
        // the plain index steps over a UTF-8 byte order mark; sent raw or as \\ufeff, the embedded one must too
        sameAsDecoded("\uFEFF{\"bom\": [1]}", new Random(10));
    }

    @Test
    void aSingleBigString() throws Exception {
        Random r = new Random(2);
        StringBuilder b = new StringBuilder();
        while (b.length() < 20_000) b.append(PIECES[r.nextInt(PIECES.length)]);
        sameAsDecoded(literal(b.toString(), r), r);
    }

    @Test
    void valuesTooBigForTheTwoByteColumns() throws Exception {
        // decoded and escaped alike
        String json = JsonIndexStructureTest.valuesTooBigForTwoBytes();
        sameAsDecoded(json, new Random(3));
    }

    @Test
    void valuesThatOverflowTheTwoByteColumnsOnlyOnceEscaped() throws Exception {
        // 20,000 characters fit the columns decoded; escaped (\n is two bytes, \\u0020 six) they do not
        String lines = "\\n".repeat(20_000);
        String gap = "\n".repeat(20_000);
        String json = "{\"lines\":\"" + lines + "\",\"gap\":" + gap + "{\"inner\":" + gap + "[\"" + lines + "\"," + gap + "1]}, \"é\":" + " ".repeat(12_000) + "\"中\"}";
        Random r = new Random(4);
        JsonIndex ref = reference(json, PayloadLimits.defaults());
        for (Embedded e : List.of(byJackson(PLAIN, "jackson", json), hostile(json, r, 1.0), hostile(json, r, 0.5))) {
            compare(ref, JsonIndex.ofEmbedded(e.data(), e.quote(), e.end()), json, e);
        }
    }

    @Test
    void deepNesting() throws Exception {
        Random r = new Random(5);
        sameAsDecoded("[".repeat(900) + "1, {\"k\": \"\\\"\"}, 3" + "]".repeat(900), r);
        StringBuilder objects = new StringBuilder();
        for (int i = 0; i < 300; i++) objects.append("{\"k\\u00e9").append(i).append("\":\n\t");
        objects.append("[]");
        for (int i = 0; i < 300; i++) objects.append(i % 2 == 0 ? ",\"s\":\"/\"}" : "}");
        sameAsDecoded(objects.toString(), r);
    }

    @Test
    void givenLimitsAreTheOnesUsed() throws Exception {
        String text = "{\"a\": [1, \"two\", {\"b\": null}], \"c\": \"é\"}";
        Embedded e = hostile(text, new Random(6), 1.0);
        PayloadLimits estimated = PayloadLimits.defaults().withExactTokenBytes(0);
        JsonIndex emb = JsonIndex.ofEmbedded(e.data(), e.quote(), e.end(), estimated);
        JsonIndex ref = reference(text, estimated);
        assertThat(emb.tokensExact()).isFalse();
        compare(ref, emb, text, e);

        PayloadLimits shallow = new PayloadLimits(PayloadLimits.DEFAULT_MAX_MESSAGE_BYTES, 0, 2);
        assertThatThrownBy(() -> reference(text, shallow)).isInstanceOf(InvalidJsonException.class);
        assertThatThrownBy(() -> JsonIndex.ofEmbedded(e.data(), e.quote(), e.end(), shallow)).isInstanceOf(InvalidJsonException.class);

        PayloadLimits tiny = PayloadLimits.defaults().withMaxIndexBytes(16);
        assertThatThrownBy(() -> reference(text, tiny)).isInstanceOf(IndexTooLargeException.class);
        assertThatThrownBy(() -> JsonIndex.ofEmbedded(e.data(), e.quote(), e.end(), tiny)).isInstanceOf(IndexTooLargeException.class);
    }

    // ---------------------------------------------------------------- invalid JSON inside the string

    @Test
    void invalidJsonInsideTheStringIsRefused() throws Exception {
        Random r = new Random(8);
        List<String> invalid = List.of("{\"a\":}", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "", "   ", "\n\t", "tru", "nul", "[1]]", "[[1]",
                "{\"a\":\"unterminated}", "{'a':1}", "[01]", "[1.]", "[-]", "[\"\\q\"]", "[\"\\u00\"]", "[\"\\u00zz\"]",
                "[\"a\tb\"]", "[\"a\nb\"]", "{\"k\u0001\":1}", "[\"\\\"]", "{\"a\":1}}", "}", "[,1]", "[1,]", "{\"a\":1 \"b\":2}",
                "\"abc", "[true false]", "[NaN]", "[\"a\" \"b\"]");
        for (String text : invalid) {
            assertThat(catchThrowable(() -> reference(text, PayloadLimits.defaults()))).as("plain index of <" + text + ">")
                    .isInstanceOf(InvalidJsonException.class);
            for (Embedded e : List.of(byJackson(PLAIN, "jackson", text), byJackson(ASCII, "jackson non-ASCII escaped", text),
                    hostile(text, r, 1.0), hostile(text, r, 0.5))) {
                assertThat(catchThrowable(() -> JsonIndex.ofEmbedded(e.data(), e.quote(), e.end())))
                        .as(e.how() + " of <" + text + ">").isInstanceOf(InvalidJsonException.class);
            }
        }
    }

    /**
     * Content after the value: the plain index refuses some and indexes others as several roots
     * (whose links are not meaningful); the embedded index must take the same way, with the same values.
     */
    @Test
    void trailingContentIsTreatedLikeThePlainIndex() throws Exception {
        Random r = new Random(9);
        for (String text : List.of("{} {}", "[1] 2", "1 2", "{}\n", "{} x", "\"a\" \"b\"", "{}}")) {
            Throwable plain = catchThrowable(() -> reference(text, PayloadLimits.defaults()));
            for (Embedded e : List.of(byJackson(PLAIN, "jackson", text), hostile(text, r, 1.0))) {
                String at = e.how() + " of " + abbreviate(text);
                if (plain != null) {
                    assertThat(catchThrowable(() -> JsonIndex.ofEmbedded(e.data(), e.quote(), e.end()))).as(at)
                            .isInstanceOf(InvalidJsonException.class);
                } else {
                    JsonIndex ref = reference(text, PayloadLimits.defaults());
                    JsonIndex emb = JsonIndex.ofEmbedded(e.data(), e.quote(), e.end());
                    assertThat(emb.size()).as(at).isEqualTo(ref.size());
                    for (int n = 0; n < ref.size(); n++) {
                        assertThat(emb.type(n)).as(at + " node " + n).isEqualTo(ref.type(n));
                        assertThat(emb.rawText(n)).as(at + " node " + n).isEqualTo(ref.rawText(n));
                    }
                }
            }
        }
    }
}
