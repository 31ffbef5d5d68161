package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Literals are decoded from the raw bytes as Jackson decodes them, escapes, surrogates and all. */
class JsonStringsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyEscapeDecodesAsJacksonDecodesIt() throws Exception {
        for (String literal : new String[] {"\"plain\"", "\"a\\\"b\\\\c\\/d\"", "\"\\n\\t\\r\\b\\f\"", "\"caf\\u00e9 \\u20ac \\u65e5\"",
                "\"emoji \\ud83d\\ude00 end\"", "\"raw é € 😀 \\\" mixed\"", "\"[{\\\"id\\\":1,\\\"name\\\":\\\"x\\\"}]\""}) {
            byte[] data = literal.getBytes(StandardCharsets.UTF_8);
            String expected = MAPPER.readValue(data, String.class);
            assertThat(JsonStrings.decode(data, 0, data.length, Integer.MAX_VALUE)).as(literal).isEqualTo(expected);
            assertThat(JsonStrings.decode(data, 0, data.length, 3)).as(literal).isEqualTo(expected.substring(0, Math.min(3, expected.length())));
            assertThat(JsonStrings.unescapeToUtf8(data, 0, data.length)).as(literal).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aHeadIsThePrefixOfTheWholeValueWithOrWithoutEscapes() throws Exception {
        String run = "abc é € 😀 ".repeat(2000);
        for (String literal : new String[] {"\"" + run + "\"", "\"" + run + "\\n" + run + "\\u00e9" + run + "\""}) {
            byte[] data = literal.getBytes(StandardCharsets.UTF_8);
            String expected = MAPPER.readValue(data, String.class);
            for (int max : new int[] {0, 1, 5, 6, 7, 1000, 1001, 19_999, 20_000, 20_001, 40_003, expected.length() - 1}) {
                assertThat(JsonStrings.decode(data, 0, data.length, max)).as("%d chars of %s…", max, literal.substring(0, 20))
                        .isEqualTo(expected.substring(0, Math.min(max, expected.length())));
            }
        }
    }

    @Test
    void aLoneSurrogateStaysACharInTextAndBecomesAQuestionMarkInBytes() {
        byte[] data = "\"x\\ud800y\"".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonStrings.decode(data, 0, data.length, Integer.MAX_VALUE)).isEqualTo("x\ud800y");
        assertThat(new String(JsonStrings.unescapeToUtf8(data, 0, data.length), StandardCharsets.UTF_8)).isEqualTo("x?y");
    }
}
