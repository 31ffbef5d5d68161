package dev.mcpworkbench.inspector.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void groupsThousandsAsTheFormatterDoes() {
        long[] edges = {0, 7, 999, 1000, 1001, 999_999, 1_000_000, 12_345_678, Long.MAX_VALUE, -1, -1234, -999_999};
        for (long v : edges) assertThat(NumberText.grouped(v)).isEqualTo(String.format(Locale.ROOT, "%,d", v));
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            assertThat(NumberText.grouped(v)).as("%d", v).isEqualTo(String.format(Locale.ROOT, "%,d", v));
        }
    }

    @Test
    void oneDecimalRoundsLikeTheFormatter() {
        double[] edges = {0, 0.04, 0.05, 0.95, 9.95, 9.96, 12.34, 99.99, 100};
        for (double v : edges) assertThat(NumberText.oneDecimal(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            // shares are 0..100 with few significant digits; binary halves (x.x5) may round apart, skip them
            double v = Math.round(random.nextDouble() * 100_000) / 1000.0;
            if (Math.abs(v * 10 - Math.floor(v * 10) - 0.5) < 1e-9) continue;
            assertThat(NumberText.oneDecimal(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.1f", v));
        }
    }

    @Test
    void byteSizesKeepTheirShape() {
        assertThat(ByteSizes.format(512)).isEqualTo("512 B");
        assertThat(ByteSizes.format(1536)).isEqualTo("1.5 KB");
        assertThat(ByteSizes.format(100L << 20)).isEqualTo("100 MB");
        assertThat(ByteSizes.format((long) (9.99 * 1024 * 1024))).isEqualTo("10.0 MB");
    }
}
