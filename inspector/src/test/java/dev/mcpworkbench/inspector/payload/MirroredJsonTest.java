package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MirroredJsonTest {

    /** Lays the text out as a JSON string literal, then the JSON, as a result carries them, and compares. */
    private static boolean mirrors(String text, String json) {
        String literal = JsonStrings.quote(text);
        byte[] data = (literal + " " + json).getBytes(StandardCharsets.UTF_8);
        int literalEnd = literal.getBytes(StandardCharsets.UTF_8).length;
        return MirroredJson.mirrors(data, 1, literalEnd - 1, literalEnd + 1, data.length);
    }

    /** As {@link #mirrors(String, String)}, with the literal spelled by hand (its escapes as given). */
    private static boolean mirrorsLiteral(String literalContent, String json) {
        byte[] data = ("\"" + literalContent + "\" " + json).getBytes(StandardCharsets.UTF_8);
        int close = ("\"" + literalContent).getBytes(StandardCharsets.UTF_8).length;
        return MirroredJson.mirrors(data, 1, close, close + 2, data.length);
    }

    @Test
    void theSameJsonSpelledAlikeMirrorsWhateverTheBlanksBetweenTokens() {
        String json = "{\"rows\":[{\"id\":1,\"name\":\"café \\\"☕\\\"\",\"ok\":true,\"x\":null,\"score\":-1.5e3}]}";
        assertThat(mirrors(json, json)).isTrue();
        assertThat(mirrors("{\n  \"rows\": [\n    {\"id\": 1, \"name\": \"café \\\"☕\\\"\", \"ok\": true, \"x\": null, \"score\": -1.5e3}\n  ]\n}\n",
                json)).isTrue();
        assertThat(mirrors(json, "{ \"rows\" : [ { \"id\" : 1 , \"name\" : \"café \\\"☕\\\"\" , \"ok\" : true , \"x\" : null , \"score\" : -1.5e3 } ] }"))
                .isTrue();
    }

    @Test
    void anyDifferenceInValuesOrderOrSpellingIsNoMirror() {
        String json = "{\"a\":\"x y\",\"b\":[1,2]}";
        assertThat(mirrors("{\"a\":\"x  y\",\"b\":[1,2]}", json)).as("blanks inside a string").isFalse();
        assertThat(mirrors("{\"a\":\"x y\",\"b\":[1,2,3]}", json)).as("one more element").isFalse();
        assertThat(mirrors("{\"a\":\"x y\",\"b\":[1]}", json)).as("one less element").isFalse();
        assertThat(mirrors("{\"b\":[1,2],\"a\":\"x y\"}", json)).as("members in another order").isFalse();
        assertThat(mirrors("{\"a\":\"x y\",\"b\":[1.0,2]}", json)).as("a number spelled otherwise").isFalse();
        assertThat(mirrors("{\"a\":\"x\\u0020y\",\"b\":[1,2]}", json)).as("a u-escape for a plain character").isFalse();
        assertThat(mirrors("{\"a\":\"x y\",\"b\":[1,2]} {\"more\":1}", json)).as("a second value after it").isFalse();
        assertThat(mirrors("{\"a\":\"x y\",\"b\":[1,2]", json)).as("cut short").isFalse();
        assertThat(mirrors("{\"a\":\"x y\",\"b\":[1,2]}", "{\"a\":\"x y\",\"b\":[12]}")).isFalse();
    }

    @Test
    void blanksThatSplitALiteralAreNotBlanksBetweenTokens() {
        assertThat(mirrors("[1 2]", "[12]")).isFalse();
        assertThat(mirrors("[tru e]", "[true]")).isFalse();
        assertThat(mirrors("[-1, 2]", "[-1,2]")).isTrue();
    }

    @Test
    void aCharacterEscapedInTheTextMatchesOnlyTheCharacterItStandsFor() {
        // the literal's \u00C3\u00A9 is the two characters "Ã©", not the UTF-8 bytes of "é"
        assertThat(mirrorsLiteral("[\\\"\\u00C3\\u00A9\\\"]", "[\"é\"]")).isFalse();
        assertThat(mirrorsLiteral("[\\\"é\\\"]", "[\"é\"]")).isTrue();
        // an ASCII character may be written as a u-escape in the literal: the text holds the character
        assertThat(mirrorsLiteral("[\\u0022a\\u0022]", "[\"a\"]")).isTrue();
        // an escape inside the JSON's strings is compared as written and never closes them
        assertThat(mirrorsLiteral("[\\\"a\\\\\\\"b\\\"]", "[\"a\\\"b\"]")).isTrue();
        assertThat(mirrorsLiteral("[\\\"a\\\\u0022b\\\"]", "[\"a\\\"b\"]")).isFalse();
    }
}
