package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The count that sizes the index's arrays is the number of nodes the index ends up with. */
class JsonValueCountTest {

    private static void sameAsTheIndex(String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonIndex index = PayloadParser.defaults().index(bytes);
        assertThat(JsonValueCount.of(bytes, 0, bytes.length).values()).as(json.length() > 200 ? json.substring(0, 200) : json).isEqualTo(index.size());
    }

    @Test
    void countsEveryValueOnce() throws Exception {
        sameAsTheIndex("42");
        sameAsTheIndex("\"a string with [brackets], {braces}: and commas\"");
        sameAsTheIndex("[]");
        sameAsTheIndex("{}");
        sameAsTheIndex("[ ]");
        sameAsTheIndex("[[], {}, [1], {\"a\": []}]");
        sameAsTheIndex(" { \"content\" : [ {\"type\":\"text\", \"text\":\"[1,2,{\\\"x\\\":\\\"\\\\\\\"\\\"}]\"} ], \"isError\": false } ");
        sameAsTheIndex("{\"k\\\"ey\": [true, false, null, -1.5e3, \"\\u005b\"], \"e\": {\"\": \"\"}}");
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 2000; i++) rows.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"tags\":[\"a\",\"b\"],\"o\":{}}");
        sameAsTheIndex(rows.append(']').toString());
    }

    @Test
    void deepNestingPastOneWordOfBits() throws Exception {
        // 200 levels alternate arrays and objects: the container stack spans several 64-bit words
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < 100; i++) json.append("[1,{\"a\":");
        json.append("0");
        for (int i = 0; i < 100; i++) json.append("},2]");
        sameAsTheIndex(json.toString());
    }
}
