package dev.mcpworkbench.app.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import org.junit.jupiter.api.Test;

class JsonLayoutTest {

    private static JsonNode json(String text) throws Exception {
        return SnapshotJson.MAPPER.readTree(text);
    }

    @Test
    void spanOfAMemberCoversItsKeyAndValue() throws Exception {
        JsonLayout layout = JsonLayout.of(json("{\"name\":\"run\",\"inputSchema\":{\"properties\":{\"sql\":{\"type\":\"string\"}}}}"));
        JsonLayout.Span span = layout.span("/inputSchema/properties/sql").orElseThrow();
        assertThat(layout.text().substring(span.start(), span.end()))
                .isEqualTo("\"sql\": {\n        \"type\": \"string\"\n      }");
    }

    @Test
    void arrayItemsAndEscapedKeysResolve() throws Exception {
        JsonLayout layout = JsonLayout.of(json("{\"a/b\":[1,{\"c~d\":true}]}"));
        JsonLayout.Span span = layout.span("/a~1b/1/c~0d").orElseThrow();
        assertThat(layout.text().substring(span.start(), span.end())).isEqualTo("\"c~d\": true");
    }

    @Test
    void unknownPointerFallsBackToDeepestExistingAncestor() throws Exception {
        JsonLayout layout = JsonLayout.of(json("{\"description\":\"x\",\"inputSchema\":{}}"));
        JsonLayout.Span span = layout.span("/inputSchema/properties/missing").orElseThrow();
        assertThat(layout.text().substring(span.start(), span.end())).isEqualTo("\"inputSchema\": {}");
    }

    @Test
    void invisibleCharactersAreSpelledOut() throws Exception {
        JsonLayout layout = JsonLayout.of(json("{\"description\":\"read\\u200b file\\uDB40\\uDC41\"}"));
        assertThat(layout.text()).contains("read\\u200B file\\uDB40\\uDC41");
    }

    @Test
    void hugeStringsAreCutForDisplay() throws Exception {
        String big = "x".repeat(JsonLayout.MAX_STRING + 500);
        JsonLayout layout = JsonLayout.of(SnapshotJson.MAPPER.createObjectNode().put("description", big));
        assertThat(layout.text()).contains("(500 more characters)").hasSizeLessThan(JsonLayout.MAX_STRING + 200);
    }

    @Test
    void aHugeDefinitionIsPrintedWholeOnlyOnTheWayToThePointer() throws Exception {
        var root = SnapshotJson.MAPPER.createObjectNode().put("name", "dump");
        var items = root.putObject("inputSchema").putArray("items");
        for (int i = 0; i < 20_000; i++) items.addObject().put("id", i).put("label", "item " + i);
        root.put("after", "kept while short");

        JsonLayout layout = JsonLayout.of(root, "/inputSchema/items/19999/label");
        assertThat(layout.text()).hasSizeLessThan(JsonLayout.MAX_TEXT + 1024)
                .contains("\"id\": 0,", "items not shown").doesNotContain("\"after\"");
        JsonLayout.Span span = layout.span("/inputSchema/items/19999/label").orElseThrow();
        assertThat(layout.text().substring(span.start(), span.end())).isEqualTo("\"label\": \"item 19999\"");
        // the item on the way shows the member the pointer names, and says the other is left out
        assertThat(layout.text()).doesNotContain("\"id\": 19999").contains("1 member not shown");
        // a left-out count per container, after the members shown
        assertThat(layout.text()).containsPattern("\u2026 19,[0-9]{3} items not shown\n    \\]");
    }
}
