package dev.mcpworkbench.inspector.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** structuredContent and _meta left in the message's bytes read exactly as readTree's tree, once, from any thread. */
class LazyContainerTest {

    /** Strings of 16 bytes or more stay in the bytes; every structuredContent or _meta container does. */
    private static final MessageTreeReader EVERY_ONE_LAZY = new MessageTreeReader(16, 0);

    private static JsonNode lazy(String json) throws IOException {
        return EVERY_ONE_LAZY.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String message(String structured, String meta) {
        return "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"a text block of some length\"}],"
                + "\"structuredContent\":" + structured + ",\"_meta\":" + meta + ",\"isError\":false}}";
    }

    @Test
    void randomNestedDocumentsReadAsReadTreeReadsThem() throws IOException {
        Random random = new Random(7);
        var pretty = SnapshotJson.MAPPER.writerWithDefaultPrettyPrinter();
        for (int i = 0; i < 300; i++) {
            String json = message(value(random, 0, true), value(random, 0, false));
            JsonNode expected = SnapshotJson.MAPPER.readTree(json);
            JsonNode actual = lazy(json);
            JsonNode structured = actual.at("/result/structuredContent");
            if (structured.isContainerNode()) {
                assertThat(structured).as(json).isInstanceOf(LazyContainer.class);
                assertThat(((LazyContainer) structured).isRead()).isFalse();
            }
            // a LongTextNode inside compares equal only from its own side: the lazy tree on the left
            assertThat(actual.equals(expected)).as(json).isTrue();
            assertThat(actual.hashCode()).as(json).isEqualTo(expected.hashCode());
            assertThat(actual.toString()).as(json).isEqualTo(expected.toString());
            assertThat(pretty.writeValueAsString(lazy(json))).as(json).isEqualTo(pretty.writeValueAsString(expected));
            assertThat(paths(lazy(json), "")).as(json).isEqualTo(paths(expected, ""));
            assertThat(lazy(json).at("/result/structuredContent").size()).isEqualTo(expected.at("/result/structuredContent").size());
            // without LongTextNodes inside, equal from either side
            JsonNode withoutLongTexts = new MessageTreeReader(Integer.MAX_VALUE, 0).read(json.getBytes(StandardCharsets.UTF_8));
            assertThat(withoutLongTexts.at("/result/structuredContent")).isInstanceOf(LazyContainer.class);
            assertThat(expected.equals(withoutLongTexts)).as(json).isTrue();
            assertThat(withoutLongTexts.equals(expected)).as(json).isTrue();
        }
    }

    /** Every path with its value's type and text, by iteration, get and has. */
    private static List<String> paths(JsonNode node, String at) {
        List<String> out = new ArrayList<>();
        out.add(at + " " + node.getNodeType() + " " + node.size() + (node.isValueNode() ? " " + node.asText() : ""));
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                assertThat(node.has(e.getKey())).isTrue();
                assertThat(node.get(e.getKey())).isSameAs(e.getValue());
                out.addAll(paths(e.getValue(), at + "/" + e.getKey()));
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode e : node) {
                assertThat(node.get(i)).isSameAs(e);
                out.addAll(paths(e, at + "/" + i++));
            }
        }
        return out;
    }

    private static String value(Random r, int depth, boolean container) {
        int kind = container || depth == 0 ? r.nextInt(2) : r.nextInt(depth > 4 ? 5 : 7);
        return switch (kind) {
            case 0 -> {
                StringBuilder b = new StringBuilder("{");
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) b.append(',');
                    String key = switch (r.nextInt(6)) {
                        case 0 -> "_meta";
                        case 1 -> "structuredContent";
                        case 2 -> "dup";
                        default -> "k" + r.nextInt(100);
                    };
                    b.append('"').append(key).append("\":").append(value(r, depth + 1, false));
                }
                yield b.append('}').toString();
            }
            case 1 -> {
                StringBuilder b = new StringBuilder("[");
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) b.append(i > 0 ? "," : "").append(value(r, depth + 1, false));
                yield b.append(']').toString();
            }
            case 2 -> string(r);
            case 3 -> switch (r.nextInt(6)) {
                case 0 -> String.valueOf(r.nextInt());
                case 1 -> String.valueOf(r.nextLong());
                case 2 -> "-9223372036854775809";
                case 3 -> String.valueOf(r.nextDouble() * 1e6);
                case 4 -> "2.5E-7";
                default -> "-0.0";
            };
            case 4 -> r.nextBoolean() ? "true" : "null";
            default -> value(r, depth + 1, true);
        };
    }

    private static String string(Random r) {
        String[] pieces = {"a", "caf\u00e9", "\ud83d\ude00", "\\n", "\\\"", "\\u00e9", "\\ud834\\udd1e", "\\\\", " ", "\u65e5"};
        StringBuilder b = new StringBuilder("\"");
        int n = r.nextInt(3) == 0 ? 20 + r.nextInt(40) : r.nextInt(6);
        for (int i = 0; i < n; i++) b.append(pieces[r.nextInt(pieces.length)]);
        return b.append('"').toString();
    }

    @Test
    void itIsNotParsedUntilSomeoneAsksAndItsLongTextsStayInTheBytes() throws IOException {
        String text = "x\\n\u00e9".repeat(20);
        JsonNode tree = lazy(message("{\"rows\":[{\"id\":1,\"t\":\"" + text + "\"}]}", "{\"a\":[1]}"));
        JsonNode result = tree.get("result");
        assertThat(result.has("structuredContent")).isTrue();
        assertThat(result.get("content").get(0).get("text").asText()).isEqualTo("a text block of some length");
        LazyContainer structured = (LazyContainer) result.get("structuredContent");
        LazyContainer meta = (LazyContainer) result.get("_meta");
        assertThat(structured.isRead()).isFalse();
        assertThat(meta.isRead()).isFalse();
        JsonNode t = result.get("structuredContent").get("rows").get(0).get("t");
        assertThat(structured.isRead()).isTrue();
        assertThat(meta.isRead()).as("each one is read on its own").isFalse();
        assertThat(t).isInstanceOf(LongTextNode.class);
        assertThat(t.asText()).isEqualTo(SnapshotJson.MAPPER.readTree("\"" + text + "\"").asText());
        meta.read();
        assertThat(meta.isRead()).isTrue();
        assertThat(result.get("_meta").get("a").get(0).asInt()).isEqualTo(1);
    }

    @Test
    void itCanBeChangedLikeAnyObjectNode() throws IOException {
        JsonNode tree = lazy(message("{\"a\":1}", "[1,2]"));
        ObjectNode structured = (ObjectNode) tree.at("/result/structuredContent");
        structured.put("b", 2).remove("a");
        ((com.fasterxml.jackson.databind.node.ArrayNode) tree.at("/result/_meta")).add(3).remove(0);
        assertThat(tree.at("/result/structuredContent").toString()).isEqualTo("{\"b\":2}");
        assertThat(tree.at("/result/_meta").toString()).isEqualTo("[2,3]");
        assertThat(structured.deepCopy()).isEqualTo(structured).isNotInstanceOf(LazyContainer.class);
    }

    @Test
    void onlyContainersFromTheThresholdOnAndOnlyThoseTwoMembersStayInTheBytes() throws IOException {
        String json = message("{\"rows\":[1,2,3]}", "{}") .replace("\"isError\":false", "\"other\":{\"rows\":[1,2,3]}");
        JsonNode tree = new MessageTreeReader(Integer.MAX_VALUE, 16).read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(tree.at("/result/structuredContent")).isInstanceOf(LazyContainer.class);
        assertThat(tree.at("/result/_meta")).as("2 bytes").isNotInstanceOf(LazyContainer.class);
        assertThat(tree.at("/result/other")).isNotInstanceOf(LazyContainer.class);
        assertThat(tree.at("/result/content")).isNotInstanceOf(LazyContainer.class);
        assertThat(tree.equals(SnapshotJson.MAPPER.readTree(json))).isTrue();
        assertThat(new MessageTreeReader(16).read(json.getBytes(StandardCharsets.UTF_8)).at("/result/structuredContent"))
                .as("the one-threshold reader builds every container").isNotInstanceOf(LazyContainer.class);
    }

    @Test
    void threadsThatAskFirstTogetherAllSeeOneAndTheSameTree() throws Exception {
        StringBuilder rows = new StringBuilder("{\"rows\":[");
        for (int i = 0; i < 20_000; i++) rows.append(i > 0 ? "," : "").append("{\"id\":").append(i).append(",\"name\":\"row ").append(i).append("\"}");
        String json = message(rows.append("]}").toString(), "{}");
        JsonNode expected = SnapshotJson.MAPPER.readTree(json).at("/result/structuredContent");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                JsonNode structured = lazy(json).at("/result/structuredContent");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<JsonNode>> rowsSeen = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int which = t;
                    rowsSeen.add(pool.submit(() -> {
                        go.await();
                        if (which % 2 == 0) assertThat(structured.size()).isEqualTo(1);
                        return structured.get("rows");
                    }));
                }
                go.countDown();
                JsonNode first = rowsSeen.get(0).get();
                for (Future<JsonNode> seen : rowsSeen) assertThat(seen.get()).as("round %d", round).isSameAs(first);
                assertThat(structured.equals(expected)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMalformedStructuredContentFailsTheReadAsReadTreeFails() {
        for (String bad : new String[] {"{\"a\":[1,2}", "{\"a\":\"bad \\q escape\"}", "{\"a\":01}", "[1,,2]", "{\"a\" 1}", "{\"a\":tru}"}) {
            String json = message(bad, "{}");
            assertThatThrownBy(() -> SnapshotJson.MAPPER.readTree(json)).as(bad).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> lazy(json)).as(bad).isInstanceOf(IOException.class);
        }
        String unterminated = "{\"result\":{\"structuredContent\":{\"a\":[1,2";
        assertThatThrownBy(() -> lazy(unterminated)).isInstanceOf(IOException.class);
    }

    @Test
    void aMessageOfAMegabyteKeepsItsBigStructuredContentInTheBytesAndABrokenOneIsNotJson() {
        StringBuilder rows = new StringBuilder("{\"rows\":[");
        for (int i = 0; rows.length() < MessageTreeReader.LONG_TEXT_BYTES; i++) rows.append(i > 0 ? "," : "").append("{\"id\":").append(i).append('}');
        String structured = rows.append("]}").toString();
        byte[] good = message(structured, "{}").getBytes(StandardCharsets.UTF_8);
        JsonNode tree = JsonRpcText.parseOrNull(good);
        assertThat(tree.at("/result/structuredContent")).isInstanceOf(LazyContainer.class);
        assertThat(tree.at("/result/_meta")).isNotInstanceOf(LazyContainer.class);
        assertThat(JsonRpcText.kindOf(tree)).isEqualTo(EntryKind.RESPONSE);
        assertThat(((LazyContainer) tree.at("/result/structuredContent")).isRead()).isFalse();
        byte[] broken = message(structured.replace("{\"id\":7}", "{\"id\":7,}"), "{}").getBytes(StandardCharsets.UTF_8);
        assertThat(JsonRpcText.parseOrNull(broken)).isNull();
    }
}
