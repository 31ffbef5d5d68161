package dev.mcpworkbench.inspector.rules.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InvisiblesTest {

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({"3164, BLANK", "115F, BLANK", "1160, BLANK", "FFA0, BLANK", "17B4, BLANK", "034F, BLANK", "2028, BLANK",
            "200B, FORMAT", "00AD, FORMAT", "FEFF, FORMAT", "0007, CONTROL", "202E, BIDI", "2066, BIDI",
            "E0041, TAG", "FE0F, VARIATION_SELECTOR", "E0100, VARIATION_SELECTOR", "D800, LONE_SURROGATE"})
    void hiddenCodePointsHaveAKind(String hex, Invisibles.Kind kind) {
        int cp = Integer.parseInt(hex, 16);
        assertThat(Invisibles.kindOf(cp)).isEqualTo(kind);
        assertThat(Invisibles.isInvisible(cp)).isTrue();
    }

    @Test
    void visibleTextAndLineBreaksAreNot() {
        for (int cp : "Résumé — naïve 東京 한국 👋\t\n\r".codePoints().toArray()) assertThat(Invisibles.isInvisible(cp)).as("U+%04X", cp).isFalse();
    }

    /** What the desktop badges, POISON-002 reports: the Hangul filler used to get a badge and no finding. */
    @ParameterizedTest(name = "U+{0}")
    @CsvSource({"3164", "115F", "FFA0", "200B", "202E"})
    void poison002ReportsEveryKind(String hex) {
        String hidden = new String(Character.toChars(Integer.parseInt(hex, 16)));
        ObjectNode tool = JsonNodeFactory.instance.objectNode().put("name", "lookup")
                .put("description", "Looks up an order by id." + hidden + " Returns its status.");
        tool.putObject("inputSchema").put("type", "object");
        var result = StaticRules.scan(ServerSnapshot.ofTools("s", JsonNodeFactory.instance.objectNode(), List.of(tool)), ScanContext.defaults());
        assertThat(result.findingsOf("POISON-002")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).contains("U+" + hex));
    }
}
