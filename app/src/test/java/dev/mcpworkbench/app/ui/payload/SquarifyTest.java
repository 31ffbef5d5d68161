package dev.mcpworkbench.app.ui.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SquarifyTest {

    @Test
    void rectanglesFillTheAreaInProportionAndStayInside() {
        List<Double> weights = List.of(6.0, 6.0, 4.0, 3.0, 2.0, 2.0, 1.0);
        List<Squarify.Rect> rects = Squarify.layout(weights, 0, 0, 600, 400);
        assertThat(rects).hasSize(weights.size());
        double total = rects.stream().mapToDouble(r -> r.w() * r.h()).sum();
        assertThat(total).isCloseTo(240_000, org.assertj.core.data.Offset.offset(1.0));
        for (int i = 0; i < rects.size(); i++) {
            Squarify.Rect r = rects.get(i);
            assertThat(r.w() * r.h()).isCloseTo(240_000 * weights.get(i) / 24, org.assertj.core.data.Offset.offset(1.0));
            assertThat(r.x()).isGreaterThanOrEqualTo(-0.001);
            assertThat(r.x() + r.w()).isLessThanOrEqualTo(600.001);
            assertThat(r.y() + r.h()).isLessThanOrEqualTo(400.001);
            assertThat(Math.max(r.w() / r.h(), r.h() / r.w())).as("aspect of %s", r).isLessThan(4);
        }
    }
}
