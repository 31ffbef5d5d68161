package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonIndexTest {

    private static final String DOC = "{\"a\": {\"b/c\": [1, \"two\", {\"k~\": null}]}, \"s\": \"h\\u00e9llo \\\"x\\\"\", \"t\": true}";

    /** Member names compared where they lie, escaped, non-ASCII or read in place in a string literal. */
    @Test
    void membersAreFoundByTheirDecodedName() throws Exception {
        String json = "{\"type\":1,\"\\u0074ext\":2,\"typ\u00e9\":3,\"a\\\"b\":4,\"\":5,\"types\":6,\"x\":{\"type\":7}}";
        JsonIndex plain = JsonIndex.of(json);
        String literal = "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        byte[] sent = literal.getBytes(StandardCharsets.UTF_8);
        JsonIndex inPlace = JsonIndex.ofEmbedded(sent, 0, sent.length);
        for (JsonIndex ix : new JsonIndex[] {plain, inPlace}) {
            assertThat(ix.rawText(ix.member(0, "type"))).isEqualTo("1");
            assertThat(ix.rawText(ix.member(0, "text"))).isEqualTo("2");
            assertThat(ix.rawText(ix.member(0, "typ\u00e9"))).isEqualTo("3");
            assertThat(ix.rawText(ix.member(0, "a\"b"))).isEqualTo("4");
            assertThat(ix.rawText(ix.member(0, ""))).isEqualTo("5");
            assertThat(ix.rawText(ix.member(0, "types"))).isEqualTo("6");
            assertThat(ix.member(0, "typ")).isEqualTo(-1);
            assertThat(ix.member(0, "typo")).isEqualTo(-1);
            assertThat(ix.member(0, "t\u00e9xt")).isEqualTo(-1);
            assertThat(ix.rawText(ix.member(ix.member(0, "x"), "type"))).isEqualTo("7");
            assertThat(ix.member(ix.member(0, "type"), "type")).as("a number has no members").isEqualTo(-1);
        }
    }

    @Test
    void anEstimatedIndexHasTheSameShapeWithEstimatedTokens() throws Exception {
        String json = "{\"id\":1,\"tags\":[\"a\",\"b\"],\"note\":\"quarterly report\"}";
        JsonIndex exact = JsonIndex.of(json);
        JsonIndex estimated = JsonIndex.estimated(json);
        assertThat(exact.tokensExact()).isTrue();
        assertThat(estimated.tokensExact()).isFalse();
        assertThat(estimated.size()).isEqualTo(exact.size());
        for (int n = 0; n < exact.size(); n++) {
            assertThat(estimated.bytes(n)).isEqualTo(exact.bytes(n));
            assertThat(estimated.pointer(n)).isEqualTo(exact.pointer(n));
        }
        assertThat((double) estimated.tokens(0)).isCloseTo(exact.tokens(0), org.assertj.core.data.Percentage.withPercentage(30));
    }

    @Test
    void indexesNodesWithKeysPointersAndSizes() throws Exception {
        JsonIndex ix = JsonIndex.of(DOC);
        assertThat(ix.type(0)).isEqualTo(NodeType.OBJECT);
        assertThat(ix.childCount(0)).isEqualTo(3);
        int arr = ix.resolve("/a/b~1c");
        assertThat(ix.type(arr)).isEqualTo(NodeType.ARRAY);
        assertThat(ix.rawText(arr)).isEqualTo("[1, \"two\", {\"k~\": null}]");
        assertThat(ix.bytes(arr)).isEqualTo(ix.rawText(arr).getBytes(StandardCharsets.UTF_8).length);
        int nul = ix.resolve("/a/b~1c/2/k~0");
        assertThat(ix.type(nul)).isEqualTo(NodeType.NULL);
        assertThat(ix.pointer(nul)).isEqualTo("/a/b~1c/2/k~0");
        assertThat(ix.label(ix.resolve("/a/b~1c/1"))).isEqualTo("[1]");
        assertThat(ix.stringValue(ix.resolve("/s"))).isEqualTo("héllo \"x\"");
        assertThat(ix.bytes(0)).isEqualTo(DOC.length());
    }

    @Test
    void tokensSumUpAndSharesAreFractionsOfTheRoot() throws Exception {
        JsonIndex ix = JsonIndex.of(DOC);
        int a = ix.resolve("/a");
        long sum = 0;
        for (int c : ix.children(0)) sum += ix.tokens(c);
        assertThat(ix.tokens(0)).isEqualTo(sum + 2);
        assertThat(ix.share(a)).isBetween(0.1, 0.99);
        assertThat(ix.share(0)).isEqualTo(1.0);
    }

    @Test
    void searchFindsKeysAndValuesBothWays() throws Exception {
        JsonIndex ix = JsonIndex.of(DOC);
        int first = ix.search("TWO", 0, true);
        assertThat(ix.pointer(first)).isEqualTo("/a/b~1c/1");
        int key = ix.search("k~", first, true);
        assertThat(ix.pointer(key)).isEqualTo("/a/b~1c/2/k~0");
        assertThat(ix.search("two", key, false)).isEqualTo(first);
        assertThat(ix.search("absent", 0, true)).isEqualTo(-1);
    }

    @Test
    void biggestChildrenComeFirst() throws Exception {
        JsonIndex ix = JsonIndex.of("{\"small\": 1, \"big\": \"" + "x".repeat(500) + "\", \"mid\": [1,2,3,4,5]}");
        assertThat(ix.biggestChildren(0, 2)).extracting(ix::key).containsExactly("big", "mid");
    }

    @Test
    void tenThousandDeepNestingIsIndexedWithoutRecursion() throws Exception {
        String deep = "[".repeat(10_000) + "\"bottom\"" + "]".repeat(10_000);
        JsonIndex ix = JsonIndex.of(deep);
        assertThat(ix.size()).isEqualTo(10_001);
        assertThat(ix.depth(10_000)).isEqualTo(10_000);
        assertThat(ix.pointer(10_000)).startsWith("/0/0/0");
    }

    @Test
    void invalidJsonSaysWhere() {
        assertThatThrownBy(() -> JsonIndex.of("{\"a\": [1, 2,, 3]}"))
                .isInstanceOf(InvalidJsonException.class)
                .hasMessageContaining("at byte");
    }

    /** A leaf's children asked between a container's: the search for a leaf's rank must not become the next search's start. */
    @Test
    void askingALeafForItsChildrenLeavesTheContainersRanksRight() throws Exception {
        JsonIndex ix = JsonIndex.of("[[1],2,[3]]");
        assertThat(ix.children(4)).containsExactly(5);
        assertThat(ix.children(3)).isEmpty();
        assertThat(ix.children(4)).containsExactly(5);
        assertThat(ix.children(1)).containsExactly(2);
    }
}
