package dev.mcpworkbench.inspector.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Long strings stay in the message's bytes, and the tree reads exactly as readTree's. */
class MessageTreeReaderTest {

    private static final String[] MESSAGES = {
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"[{\\\"a\\\":1},{\\\"b\\\":\\\"x\\\\ny\\\"}]\"}]}}",
        "{\"id\":\"7\",\"n\":[0,-1,2147483648,-9223372036854775809,1.5,-0.0,1e308,2.5E-7,true,false,null],\"o\":{}}",
        "{\"s\":\"caf\u00e9 \u20ac \u65e5\u672c \ud83d\ude00 \\ud834\\udd1e \\u00e9 \\\\ \\/ \\\" \\b\\f\\n\\r\\t \\u0000\"}",
        "{\"dup\":1,\"dup\":\"second\",\"deep\":[[[[{\"x\":[]}]]]],\"\":\"empty key\",\"e\":\"\"}",
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}},{\"jsonrpc\":\"2.0\",\"method\":\"n\"}]",
        "\"just a string\"",
        "42",
    };

    private static JsonNode sliced(String json) throws IOException {
        return new MessageTreeReader(0).read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyStringSlicedTheTreeWritesAndComparesAsReadTreesDoes() throws IOException {
        for (String json : MESSAGES) {
            JsonNode expected = SnapshotJson.MAPPER.readTree(json);
            JsonNode actual = sliced(json);
            assertThat(SnapshotJson.MAPPER.writeValueAsString(actual)).as(json)
                    .isEqualTo(SnapshotJson.MAPPER.writeValueAsString(expected));
            assertThat(actual.equals(expected)).as(json).isTrue();
            assertThat(actual.hashCode()).as(json).isEqualTo(expected.hashCode());
            assertThat(actual.toString()).as(json).isEqualTo(expected.toString());
        }
    }

    @Test
    void everyWriterJacksonHasWritesALongText() throws IOException {
        JsonNode tree = sliced("{\"t\":\"caf\u00e9 \\n \ud83d\ude00\"}");
        JsonNode plain = SnapshotJson.MAPPER.readTree("{\"t\":\"caf\u00e9 \\n \ud83d\ude00\"}");
        var yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
        assertThat(yaml.writeValueAsString(tree)).isEqualTo(yaml.writeValueAsString(plain));
        assertThat(SnapshotJson.MAPPER.writeValueAsBytes(tree)).isEqualTo(SnapshotJson.MAPPER.writeValueAsBytes(plain));
        record Holder(String t) {
        }
        assertThat(SnapshotJson.MAPPER.convertValue(tree, Holder.class).t()).isEqualTo(plain.get("t").textValue());
    }

    @Test
    void onlyStringsFromTheThresholdOnAreLeftInTheBytes() throws IOException {
        JsonNode tree = new MessageTreeReader(8).read("{\"short\":\"1234567\",\"long\":\"12345678\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(tree.get("short")).isInstanceOf(TextNode.class);
        assertThat(tree.get("long")).isInstanceOf(LongTextNode.class);
        assertThat(tree.get("long").asText()).isEqualTo("12345678");
    }

    @Test
    void aContentBlocksTextDataOrBlobLeavesTheBytesFromAShorterLengthOtherStringsDoNot() throws IOException {
        String kb = "é".repeat(150); // 300 bytes
        String json = "{\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"" + kb + "\"},"
                + "{\"type\":\"image\",\"data\":\"" + "A".repeat(300) + "\"}],"
                + "\"description\":\"" + kb + "\",\"list\":[\"" + kb + "\"],\"text\":\"" + kb + "\","
                + "\"tools\":[{\"name\":\"t\",\"inputSchema\":{\"examples\":[{\"text\":\"" + kb + "\"}]}}]}}";
        JsonNode tree = new MessageTreeReader(1 << 20).read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(tree.at("/result/content/0/text")).isInstanceOf(LongTextNode.class);
        assertThat(tree.at("/result/content/1/data")).isInstanceOf(LongTextNode.class);
        assertThat(tree.at("/result/content/0/type")).isNotInstanceOf(LongTextNode.class);
        assertThat(tree.at("/result/description")).isNotInstanceOf(LongTextNode.class);
        assertThat(tree.at("/result/list/0")).as("an element, not a member named text").isNotInstanceOf(LongTextNode.class);
        assertThat(tree.at("/result/text")).as("not in a content block").isNotInstanceOf(LongTextNode.class);
        assertThat(tree.at("/result/tools/0/inputSchema/examples/0/text")).as("a tool's definition").isNotInstanceOf(LongTextNode.class);
        assertThat(tree.at("/result/content/0/text").textValue()).isEqualTo(kb);
        assertThat(tree).isEqualTo(SnapshotJson.MAPPER.readTree(json)); // the lazy side on the left
    }

    @Test
    void aLongTextGivesItsHeadAndLengthWithoutCuttingAPairAndReadsInAnyPieces() throws IOException {
        String text = "a\u00e9\ud83d\ude00\u20acb".repeat(50) + "\\ end";
        String json = SnapshotJson.MAPPER.writeValueAsString(java.util.Map.of("t", text));
        JsonNode node = sliced(json).get("t");
        assertThat(node).isInstanceOf(LongTextNode.class);
        assertThat(LongTextNode.length(node)).isEqualTo(text.length());
        for (int max : new int[] {0, 1, 2, 3, 4, 5, text.length(), text.length() + 10}) {
            assertThat(LongTextNode.head(node, max)).isEqualTo(text.substring(0, Math.min(max, text.length())));
        }
        for (int piece = 1; piece <= 4; piece++) {
            StringBuilder out = new StringBuilder();
            char[] buf = new char[piece];
            try (Reader r = ((LongTextNode) node).reader()) {
                for (int n; (n = r.read(buf, 0, piece)) > 0; ) out.append(buf, 0, n);
            }
            assertThat(out.toString()).as("pieces of %d", piece).isEqualTo(text);
        }
        String whole = node.textValue();
        assertThat(whole).isEqualTo(text);
        assertThat(node.textValue()).as("decoded once while someone holds it").isSameAs(whole);
        assertThat(LongTextNode.sameText(new TextNode(text), node)).isTrue();
        assertThat(LongTextNode.sameText(new TextNode(text + "x"), node)).isFalse();
    }

    @Test
    void aPlainTextNodeHasTheSameHeadAndLength() {
        JsonNode plain = new TextNode("hello");
        assertThat(LongTextNode.head(plain, 3)).isEqualTo("hel");
        assertThat(LongTextNode.length(plain)).isEqualTo(5);
        assertThat(LongTextNode.head(SnapshotJson.MAPPER.getNodeFactory().numberNode(5), 9)).isEqualTo("5");
        assertThat(LongTextNode.length(SnapshotJson.MAPPER.getNodeFactory().objectNode())).isZero();
    }

    @Test
    void brokenJsonIsRefusedAsReadTreeRefusesIt() {
        for (String bad : new String[] {"{\"a\":\"unterminated", "{\"a\":\"bad \\q escape\"}", "{\"a\":[1,2}", "{\"a\":1"}) {
            assertThatThrownBy(() -> SnapshotJson.MAPPER.readTree(bad)).as(bad).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> sliced(bad)).as(bad).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aMessageOfAMegabyteKeepsItsBigTextInTheArrayTheLogKeeps() {
        String big = "x".repeat(MessageTreeReader.LONG_TEXT_BYTES);
        byte[] message = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"" + big + "\"}]}}")
                .getBytes(StandardCharsets.UTF_8);
        JsonNode text = JsonRpcText.parseOrNull(message).at("/result/content/0/text");
        assertThat(text).isInstanceOf(LongTextNode.class);
        assertThat(((LongTextNode) text).escapedBytes()).isEqualTo(big.length());
        assertThat(JsonRpcText.kindOf(JsonRpcText.parseOrNull(message))).isEqualTo(EntryKind.RESPONSE);
    }
}
