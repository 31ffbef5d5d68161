package dev.mcpworkbench.inspector.rules.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChainedListTest {

    @Test
    void readsLikeTheConcatenationWithEmptyPartsAnywhere() {
        Random random = new Random(3);
        for (int round = 0; round < 200; round++) {
            List<List<Integer>> parts = new ArrayList<>();
            List<Integer> flat = new ArrayList<>();
            int n = 0;
            for (int p = random.nextInt(6); p > 0; p--) {
                List<Integer> part = new ArrayList<>();
                for (int k = random.nextInt(4); k > 0; k--) part.add(n++);
                parts.add(part);
                flat.addAll(part);
            }
            ChainedList<Integer> chained = new ChainedList<>(parts);
            assertThat(chained).hasSize(flat.size()).containsExactlyElementsOf(flat);
            for (int i = 0; i < flat.size(); i++) assertThat(chained.get(i)).isEqualTo(flat.get(i));
            assertThat(chained).isEqualTo(flat);
        }
    }

    @Test
    void refusesIndexesOutsideIt() {
        ChainedList<String> chained = new ChainedList<>(List.of(List.of("a"), List.of(), List.of("b")));
        assertThatThrownBy(() -> chained.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> chained.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(new ChainedList<String>(List.of())).isEmpty();
    }
}
