package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StartOffsetsTest {

    @Test
    void everyStartComesBackWhateverTheGapsAndTheRuns() {
        Random r = new Random(22);
        for (int round = 0; round < 20; round++) {
            int n = 1 + r.nextInt(5_000);
            int[] offsets = new int[n];
            int at = r.nextInt(100);
            for (int i = 0; i < n; i++) {
                // mostly small steps, some long literals: 2 KB steps fill a run's two bytes, 70 KB ones pass them
                int step = switch (r.nextInt(10)) {
                    case 0 -> 70_000 + r.nextInt(10_000);
                    case 1 -> 2_000 + r.nextInt(200);
                    default -> r.nextInt(40);
                };
                offsets[i] = at;
                at += step;
            }
            StartOffsets.Builder b = new StartOffsets.Builder(1 + r.nextInt(n)); // grows past a small capacity
            for (int offset : offsets) b.add(offset);
            StartOffsets starts = b.build();
            for (int i = 0; i < n; i++) assertThat(starts.get(i)).as("node %d of %d", i, n).isEqualTo(offsets[i]);
        }
    }

    @Test
    void aRunWhoseValuesLieFarApartKeepsThemAside() {
        StartOffsets.Builder b = new StartOffsets.Builder(64);
        int[] offsets = {0, 65_534, 65_535, 65_536, 1 << 30};
        for (int offset : offsets) b.add(offset);
        StartOffsets starts = b.build();
        for (int i = 0; i < offsets.length; i++) assertThat(starts.get(i)).isEqualTo(offsets[i]);
    }
}
