package dev.mcpworkbench.inspector.rules.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LongPieceCountsTest {

    private static char[] text(String s) {
        return ("<<" + s + ">>").toCharArray(); // the piece sits inside a longer text, as it does when counting
    }

    private static int get(LongPieceCounts table, String piece) {
        char[] t = text(piece);
        return table.get(t, 2, 2 + piece.length(), LongPieceCounts.hash(t, 2, 2 + piece.length()));
    }

    private static void put(LongPieceCounts table, String piece, int count) {
        char[] t = text(piece);
        table.put(t, 2, 2 + piece.length(), LongPieceCounts.hash(t, 2, 2 + piece.length()), count);
    }

    @Test
    void aPieceIsFoundByItsCharactersOnly() {
        LongPieceCounts table = new LongPieceCounts();
        assertThat(get(table, " description")).isEqualTo(-1);
        put(table, " description", 1);
        put(table, "additionalProperties", 2);
        assertThat(get(table, " description")).isEqualTo(1);
        assertThat(get(table, "additionalProperties")).isEqualTo(2);
        assertThat(get(table, " descriptions")).as("a longer piece").isEqualTo(-1);
        assertThat(get(table, " descriptio")).as("a prefix").isEqualTo(-1);
        char[] a = "propertyAa".toCharArray();
        char[] b = "propertyBB".toCharArray();
        assertThat(LongPieceCounts.hash(a, 0, a.length)).as("the same hash").isEqualTo(LongPieceCounts.hash(b, 0, b.length));
        put(table, "propertyAa", 3);
        assertThat(get(table, "propertyBB")).as("same hash, other characters").isEqualTo(-1);
        table.clear();
        assertThat(get(table, " description")).isEqualTo(-1);
    }

    @Test
    void aFullTableForgetsPiecesButNeverAnswersWrongly() {
        LongPieceCounts table = new LongPieceCounts();
        int pieces = 300_000; // several times the slots: most probe runs fill up
        IntStream.range(0, pieces).parallel().forEach(i -> put(table, "piece number " + i, i % 13));
        int remembered = 0;
        for (int i = 0; i < pieces; i++) {
            int count = get(table, "piece number " + i);
            if (count >= 0) {
                assertThat(count).as("piece %d", i).isEqualTo(i % 13);
                remembered++;
            }
        }
        assertThat(remembered).as("what fits is kept").isGreaterThan(30_000).isLessThanOrEqualTo(1 << 16);
    }
}
