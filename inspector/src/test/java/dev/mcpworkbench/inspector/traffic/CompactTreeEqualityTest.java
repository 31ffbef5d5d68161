package dev.mcpworkbench.inspector.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Trees read here keep object members in a compact map, not a LinkedHashMap: they still equal the
 * trees plain Jackson reads, both ways, hash and write the same, and answer ObjectNode's own
 * operations the same.
 */
class CompactTreeEqualityTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static final String[] MESSAGES = {
        // a duplicate name in a small object: the later value takes the first one's place
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"one\",\"type\":\"text\"},"
                + "{\"type\":\"image\",\"data\":\"AAAA\",\"mimeType\":\"image/png\"}],\"isError\":false}}",
        // more members than the small form holds, at several depths, and a duplicate name
        "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":{\"j\":[{\"k\":1,\"l\":2,\"m\":3,"
                + "\"n\":4,\"o\":5,\"p\":6,\"q\":7,\"r\":8,\"s\":9,\"k\":10}]},\"a\":\"again\"}",
        "{\"tools\":[{\"name\":\"t\",\"inputSchema\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"string\"}},"
                + "\"required\":[\"x\"]}},{}],\"\":{\"\":null},\"u\":\"caf\u00e9 \\u00e9\"}",
    };

    private static JsonNode readHere(String json) throws IOException {
        return new MessageTreeReader(MessageTreeReader.LONG_TEXT_BYTES).read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void treesReadHereEqualPlainJacksonTreesBothWays() throws IOException {
        for (String json : MESSAGES) {
            JsonNode plain = PLAIN.readTree(json);
            for (JsonNode compact : List.of(readHere(json), SnapshotJson.MAPPER.readTree(json))) {
                assertThat(compact.equals(plain)).as(json).isTrue();
                assertThat(plain.equals(compact)).as(json).isTrue();
                assertThat(compact.hashCode()).as(json).isEqualTo(plain.hashCode());
                assertThat(PLAIN.writeValueAsString(compact)).as(json).isEqualTo(PLAIN.writeValueAsString(plain));
                assertThat(compact.toString()).as(json).isEqualTo(plain.toString());
                assertThat(PLAIN.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(compact))
                        .isEqualTo(PLAIN.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(plain));
                assertThat(compact.<JsonNode>deepCopy().equals(plain)).isTrue();
            }
        }
    }

    @Test
    void aChangedTreeStillDiffersFromThePlainOneBothWays() throws IOException {
        String json = MESSAGES[2];
        JsonNode plain = PLAIN.readTree(json);
        JsonNode compact = readHere(json);
        ((ObjectNode) compact.at("/tools/0/inputSchema/properties/x")).put("type", "number");
        assertThat(compact.equals(plain)).isFalse();
        assertThat(plain.equals(compact)).isFalse();
    }

    @Test
    void objectNodeOperationsAnswerAsOnPlainTrees() throws IOException {
        String json = MESSAGES[1];
        ObjectNode plain = (ObjectNode) PLAIN.readTree(json);
        ObjectNode compact = (ObjectNode) readHere(json);
        assertThat(names(compact)).isEqualTo(names(plain));
        assertThat(compact.findValue("r")).isEqualTo(plain.findValue("r"));
        assertThat(compact.findValues("k")).isEqualTo(plain.findValues("k"));
        assertThat(compact.findParent("s")).isEqualTo(plain.findParent("s"));
        assertThat(compact.properties()).containsExactlyElementsOf(plain.properties());

        // the same edits on both: replace in place, remove, retain, add past the small form
        for (ObjectNode tree : List.of(plain, compact)) {
            tree.put("b", "replaced");
            tree.remove("c");
            tree.without(Set.of("d", "zz"));
            ObjectNode inner = (ObjectNode) tree.at("/i/j/0");
            inner.retain("k", "m", "s");
            inner.put("t", true);
            tree.properties().iterator().next().setValue(tree.numberNode(99));
            tree.set("late", tree.objectNode().put("x", 1));
            tree.putIfAbsent("a", tree.textNode("not written"));
            tree.removeIf(v -> v.isNumber() && v.asInt() == 5);
        }
        assertThat(compact.equals(plain)).isTrue();
        assertThat(plain.equals(compact)).isTrue();
        assertThat(names(compact)).isEqualTo(names(plain));
        assertThat(PLAIN.writeValueAsString(compact)).isEqualTo(PLAIN.writeValueAsString(plain));
    }

    private static List<String> names(JsonNode tree) {
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
