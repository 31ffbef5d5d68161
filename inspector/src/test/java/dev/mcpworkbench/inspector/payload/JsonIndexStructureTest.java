package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index keeps a value's parent, array index and next sibling only for containers and finds
 * them for the other values from the containers around them: every link it answers must be the one
 * Jackson's tree has, numbered in document order, for documents of every shape, including the
 * values too big for the two-byte columns (a 64 KB literal, a member name far from its value, a
 * container of 65,535 tokens and more).
 */
class JsonIndexStructureTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One value of the reference tree: its number in document order and the links the index must give. */
    private record Expected(JsonNode value, int parent, int depth, String key, int arrayIndex, int skip, String pointer) {
    }

    private static void number(JsonNode value, int parent, int depth, String key, int arrayIndex, String pointer,
                               List<Expected> out) {
        int self = out.size();
        out.add(null);
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                number(e.getValue(), self, depth + 1, e.getKey(), -1,
                        pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) number(value.get(i), self, depth + 1, null, i, pointer + "/" + i, out);
        }
        out.set(self, new Expected(value, parent, depth, key, arrayIndex, out.size(), pointer));
    }

    private static void sameLinksAsJackson(String json) throws Exception {
        JsonIndex ix = PayloadParser.defaults().index(json.getBytes(StandardCharsets.UTF_8));
        List<Expected> expected = new ArrayList<>();
        number(JSON.readTree(json), -1, 0, null, -1, "", expected);
        assertThat(ix.size()).isEqualTo(expected.size());
        for (int n = 0; n < expected.size(); n++) {
            Expected e = expected.get(n);
            String at = "node " + n + " " + e.pointer();
            assertThat(ix.parent(n)).as(at).isEqualTo(e.parent());
            assertThat(ix.depth(n)).as(at).isEqualTo(e.depth());
            assertThat(ix.key(n)).as(at).isEqualTo(e.key());
            assertThat(ix.arrayIndex(n)).as(at).isEqualTo(e.arrayIndex());
            assertThat(ix.skip(n)).as(at).isEqualTo(e.skip());
            assertThat(ix.childCount(n)).as(at).isEqualTo(e.value().size());
            assertThat(ix.pointer(n)).as(at).isEqualTo(e.pointer());
            assertThat(ix.resolve(e.pointer())).as(at).isEqualTo(n);
            assertThat(ix.nodeAt(ix.startOffset(n))).as(at).isEqualTo(n);
            assertThat(JSON.readTree(ix.rawText(n))).as(at).isEqualTo(e.value());
            if (e.value().isContainerNode()) {
                assertThat(ix.children(n)).as(at).hasSize(e.value().size());
                long sum = 0;
                for (int c : ix.children(n)) sum += ix.tokens(c);
                assertThat(ix.tokens(n)).as(at).isGreaterThanOrEqualTo(sum + 2);
            }
        }
    }

    @Test
    void smallDocumentsOfEveryShape() throws Exception {
        sameLinksAsJackson("42");
        sameLinksAsJackson("[]");
        sameLinksAsJackson("{}");
        sameLinksAsJackson("[1, [2, 3], 4, {\"a\": [5, {}]}, 6, [], 7]");
        sameLinksAsJackson("{\"a\": 1, \"b\": {\"c\": [true, null, \"x\"]}, \"d\": \"e\", \"f\": [[[]]], \"g\": 2}");
        sameLinksAsJackson("[[1, 2], 3, 4, [5], [[6], 7], 8]");
        sameLinksAsJackson("{\"k\\\"ey\": [\"\\u00e9\", {\"\\/\": -1.5e3}], \"~/\": {}}");
    }

    @Test
    void randomDocuments() throws Exception {
        Random random = new Random(22);
        for (int i = 0; i < 200; i++) sameLinksAsJackson(randomValue(random, 0));
    }

    private static String randomValue(Random r, int depth) {
        int kind = depth > 5 ? r.nextInt(4) : r.nextInt(7);
        return switch (kind) {
            case 0 -> Integer.toString(r.nextInt(2000) - 1000);
            case 1 -> "\"s" + r.nextInt(100) + "\"";
            case 2 -> r.nextBoolean() ? "true" : "null";
            case 3 -> "\"\\\"q\\\\ \\u00e9\"";
            case 4, 5 -> {
                StringBuilder b = new StringBuilder("[");
                int n = r.nextInt(8);
                for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ", ").append(randomValue(r, depth + 1));
                yield b.append(']').toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("{");
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": ").append(randomValue(r, depth + 1));
                yield b.append('}').toString();
            }
        };
    }

    /** A 70 KB literal, a member name 70 KB before its value, a container of 65,535 tokens and more. */
    static String valuesTooBigForTwoBytes() {
        String longText = "x".repeat(70_000);
        String farValue = " ".repeat(70_000);
        StringBuilder manyTokens = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) manyTokens.append(i == 0 ? "" : ",").append("\"one two three four\"");
        manyTokens.append(']');
        return "{\"long\": \"" + longText + "\", \"far\":" + farValue + "[1, {\"far too\":" + farValue + "2}, 3],"
                + " \"many\": " + manyTokens + ", \"after\": [\"" + longText + "\", 4]}";
    }

    @Test
    void valuesTooBigForTheTwoByteColumns() throws Exception {
        String json = valuesTooBigForTwoBytes();
        sameLinksAsJackson(json);
        JsonIndex ix = PayloadParser.defaults().index(json.getBytes(StandardCharsets.UTF_8));
        assertThat(ix.bytes(ix.resolve("/long"))).isEqualTo(70_002);
        assertThat(ix.tokens(ix.resolve("/many"))).isGreaterThan(Character.MAX_VALUE);
        assertThat(ix.key(ix.resolve("/far/1/far too"))).isEqualTo("far too");
        assertThat(ix.arrayIndex(ix.resolve("/many/19999"))).isEqualTo(19_999);
    }

    @Test
    void memberNamesAroundTheOneByteGap() throws Exception {
        // a member name's distance to its value is kept in one byte up to 254; from 255 on it is kept aside
        StringBuilder json = new StringBuilder("{");
        for (int gap = 240; gap <= 270; gap++) {
            String name = "n" + gap + "_";
            name += "x".repeat(gap - 3 - name.length()); // the quotes and the colon make up the rest
            json.append(gap == 240 ? "" : ",").append('"').append(name).append("\":").append(gap % 2 == 0 ? "[" + gap + "]" : gap);
        }
        json.append(",\"spaced\":").append(" ".repeat(300)).append("1,\"").append("é".repeat(200)).append("\":2}");
        sameLinksAsJackson(json.toString());
        JsonIndex ix = PayloadParser.defaults().index(json.toString().getBytes(StandardCharsets.UTF_8));
        for (int gap = 240; gap <= 270; gap++) {
            int member = ix.children(0)[gap - 240];
            assertThat(ix.key(member)).startsWith("n" + gap + "_").hasSize(gap - 3);
            assertThat(ix.member(0, ix.key(member))).isEqualTo(member);
            assertThat(ix.arrayIndex(member)).isEqualTo(-1);
        }
        assertThat(ix.rawText(ix.resolve("/spaced"))).isEqualTo("1");
        assertThat(ix.member(0, "é".repeat(200))).isPositive();
    }

    @Test
    void aBigListOfSmallObjects() throws Exception {
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 5_000; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"tags\":[\"a\",").append(i % 7).append("],\"n\":\"item ")
                    .append(i).append("\"}");
            if (i % 1000 == 0) rows.append(",").append(i);
        }
        sameLinksAsJackson(rows.append(']').toString());
    }

    @Test
    void scalarsAfterADeepSiblingAndInsideIt() throws Exception {
        // a scalar's parent is read from the last container opened or closed before it, not by
        // climbing out of a deep sibling level by level
        String deep = "[".repeat(900) + "1, {\"k\": 2}, 3" + "]".repeat(900);
        StringBuilder json = new StringBuilder("{\"nest\": " + deep + ", \"list\": [");
        for (int i = 0; i < 50; i++) json.append(i == 0 ? "" : ", ").append(i % 3 == 0 ? "[" + i + "]" : "{\"password\": \"x\"}").append(", ").append(i);
        sameLinksAsJackson(json.append("], \"last\": true}").toString());
    }

    @Test
    void aSliceOfAMessageIndexesLikeTheDocumentAlone() throws Exception {
        // the index of a result read where it lies in its message: offsets count from the slice,
        // member names far from their values stay positions in the whole array
        String far = " ".repeat(70_000);
        String doc = "{\"a\":" + far + "[1,{\"b\":" + far + "\"" + "x".repeat(70_000) + "\"},[[]],2],\"c\":3}";
        String before = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":";
        byte[] message = (before + doc + "}").getBytes(StandardCharsets.UTF_8);
        JsonIndex slice = JsonIndexBuilder.build(message, before.length(), doc.length(), PayloadLimits.defaults(), StringVisitor.NONE);
        JsonIndex alone = JsonIndex.of(doc);
        assertThat(slice.size()).isEqualTo(alone.size());
        for (int n = 0; n < alone.size(); n++) {
            String at = "node " + n;
            assertThat(slice.key(n)).as(at).isEqualTo(alone.key(n));
            assertThat(slice.parent(n)).as(at).isEqualTo(alone.parent(n));
            assertThat(slice.arrayIndex(n)).as(at).isEqualTo(alone.arrayIndex(n));
            assertThat(slice.pointer(n)).as(at).isEqualTo(alone.pointer(n));
            assertThat(slice.rawText(n)).as(at).isEqualTo(alone.rawText(n));
            assertThat(slice.nodeAt(slice.startOffset(n))).as(at).isEqualTo(n);
        }
        assertThat(slice.key(slice.resolve("/a/1/b"))).isEqualTo("b");
    }
}
