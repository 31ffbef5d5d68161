package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpworkbench.inspector.payload.FieldWeights.Field;
import org.junit.jupiter.api.Test;

class FieldWeightsTest {

    /** 50 issues whose body dwarfs everything else; a quarter of them carry labels. */
    private static String issues() {
        StringBuilder b = new StringBuilder("{\"total\":50,\"items\":[");
        for (int i = 0; i < 50; i++) {
            if (i > 0) b.append(',');
            b.append("{\"id\":").append(i).append(",\"title\":\"Issue ").append(i).append("\",\"body\":\"")
                    .append("the long body of the issue, repeated. ".repeat(20)).append("\",\"user\":{\"login\":\"u").append(i)
                    .append("\",\"html_url\":\"https://example.com/u").append(i).append("\"}");
            if (i % 4 == 0) b.append(",\"labels\":[{\"name\":\"bug\"},{\"name\":\"p1\"}]");
            b.append('}');
        }
        return b.append("]}").toString();
    }

    @Test
    void aNameSpelledWithEscapesIsTheSameField() throws Exception {
        // member names are compared as sent first, then decoded: two spellings of one name are one field
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < 600; i++) {
            if (i > 0) b.append(',');
            b.append(i % 2 == 0 ? "{\"name\":\"a\",\"o\":{\"k" + (i % 300) + "\":1}}" : "{\"n\\u0061me\":\"b\",\"o\":{\"k" + (i % 300) + "\":2}}");
        }
        JsonIndex tree = JsonIndex.of(b.append(']').toString());
        FieldWeights w = FieldWeights.of(tree, 0);
        assertThat(w.fields()).filteredOn(f -> f.path().equals("name")).singleElement().extracting(Field::items).isEqualTo(600);
        // 300 distinct nested names: the table of spellings grows past its first size
        assertThat(w.fields()).filteredOn(f -> f.depth() == 2).hasSize(300).allSatisfy(f -> assertThat(f.items()).isEqualTo(2));
    }

    @Test
    void aggregatesEveryItemByFieldPathHeaviestFirst() throws Exception {
        JsonIndex tree = JsonIndex.of(issues());
        int array = tree.resolve("/items");
        FieldWeights w = FieldWeights.of(tree, array);

        assertThat(w.itemCount()).isEqualTo(50);
        assertThat(w.topLevel()).extracting(Field::path).containsExactly("body", "user", "title", "labels", "id");
        Field body = w.topLevel().get(0);
        assertThat(body.items()).isEqualTo(50);
        long bodyBytes = 0;
        for (int i = 0; i < 50; i++) bodyBytes += tree.bytes(tree.resolve("/items/" + i + "/body"));
        assertThat(body.bytes()).isEqualTo(bodyBytes);
        assertThat(body.share()).isBetween(0.7, 1.0);
        // nested paths, and items counted once however often a path repeats inside one item
        Field labelName = w.fields().stream().filter(f -> f.path().equals("labels[]/name")).findFirst().orElseThrow();
        assertThat(labelName.items()).isEqualTo(13);
        assertThat(labelName.depth()).isEqualTo(3);
        assertThat(tree.pointer(labelName.firstNode())).isEqualTo("/items/0/labels/0/name");
        assertThat(w.fields()).extracting(Field::path).contains("user/login", "user/html_url", "labels[]");
        double topShares = w.topLevel().stream().mapToDouble(Field::share).sum();
        assertThat(topShares).isBetween(0.85, 1.0);
    }

    @Test
    void namesTheHeaviestFieldsForEvidence() throws Exception {
        JsonIndex tree = JsonIndex.of(issues());
        String summary = FieldWeights.of(tree, tree.resolve("/items")).heaviestSummary(2);
        assertThat(summary).matches("body \\d+ % \\([\\d,]+ tokens\\), user \\d+ %");
    }

    @Test
    void findsTheLargestListAndSaysNothingForScalarItems() throws Exception {
        JsonIndex tree = JsonIndex.of("{\"small\":[1,2],\"big\":[\"a long string\",\"another long string\"],\"empty\":[]}");
        int big = FieldWeights.largestArray(tree);
        assertThat(tree.pointer(big)).isEqualTo("/big");
        assertThat(tree.pointer(FieldWeights.largestArray(tree, big))).isEqualTo("/small");
        assertThat(FieldWeights.of(tree, big).topLevel()).isEmpty();
        assertThat(FieldWeights.of(tree, big).heaviestSummary(3)).isEmpty();
        assertThat(FieldWeights.largestArray(JsonIndex.of("{\"a\":1}"))).isEqualTo(-1);
        assertThatThrownBy(() -> FieldWeights.of(tree, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
