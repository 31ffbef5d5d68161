package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The index finds where each token starts and ends in the bytes itself (no location object from
 * Jackson per token): every node's raw text must be exactly its JSON, whatever the whitespace,
 * number forms, escapes, keys and a byte order mark.
 */
class JsonIndexOffsetsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyNodesRawTextIsItsJson() throws Exception {
        String json = " \r\n\t{ \"a\" :\t1 , \"b\":-2.5e+10,\"c\" : [ true ,false,null, \"x\\\"y\" , {} , [ ] ,0, 1E-3 ],"
                + "\n\"d\\u00e9\" : { \"e\" : \"caf\u00e9 \\u20ac\" } , \"f\":\"\" }\n ";
        for (byte[] bytes : new byte[][] {json.getBytes(StandardCharsets.UTF_8), withBom(json)}) {
            JsonIndex index = JsonIndex.of(bytes);
            JsonNode whole = MAPPER.readTree(json);
            assertThat(MAPPER.readTree(index.rawText(0))).isEqualTo(whole);
            assertThat(index.size()).isEqualTo(15);
            for (int n = 0; n < index.size(); n++) {
                String raw = index.rawText(n);
                assertThat(raw).as("node %d", n).isEqualTo(raw.strip());
                MAPPER.readTree(raw); // each node's text is one JSON value on its own
            }
            int c = index.member(0, "c");
            assertThat(index.rawText(c)).startsWith("[ true").endsWith("1E-3 ]");
            assertThat(index.rawText(index.member(0, "b"))).isEqualTo("-2.5e+10");
            assertThat(index.key(index.member(0, "dé"))).isEqualTo("dé");
        }
    }

    private static byte[] withBom(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }
}
