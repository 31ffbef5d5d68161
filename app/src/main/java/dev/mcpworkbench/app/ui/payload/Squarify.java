package dev.mcpworkbench.app.ui.payload;

import java.util.ArrayList;
import java.util.List;

/**
 * The squarified treemap layout (Bruls, Huizing, van Wijk 2000): lays weights, biggest first,
 * into rows along the shorter side of the remaining rectangle, starting a new row when adding a
 * rectangle would make the row's worst aspect ratio worse.
 */
public final class Squarify {

    public record Rect(double x, double y, double w, double h) {
    }

    private Squarify() {
    }

    /** {@code weights} must be sorted descending; returns one rectangle per weight, same order. */
    public static List<Rect> layout(List<Double> weights, double x, double y, double w, double h) {
        List<Rect> out = new ArrayList<>();
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0 || w <= 0 || h <= 0) return out;
        double scale = w * h / total;
        List<Double> areas = weights.stream().map(v -> v * scale).toList();
        int i = 0;
        while (i < areas.size()) {
            double side = Math.min(w, h);
            int end = i + 1;
            while (end < areas.size() && worst(areas.subList(i, end + 1), side) <= worst(areas.subList(i, end), side)) end++;
            double rowArea = areas.subList(i, end).stream().mapToDouble(Double::doubleValue).sum();
            double thickness = rowArea / side;
            double offset = 0;
            for (int k = i; k < end; k++) {
                double len = areas.get(k) / thickness;
                out.add(w >= h ? new Rect(x, y + offset, thickness, len) : new Rect(x + offset, y, len, thickness));
                offset += len;
            }
            if (w >= h) {
                x += thickness;
                w -= thickness;
            } else {
                y += thickness;
                h -= thickness;
            }
            i = end;
        }
        return out;
    }

    private static double worst(List<Double> row, double side) {
        double sum = 0;
        double max = 0;
        double min = Double.MAX_VALUE;
        for (double a : row) {
            sum += a;
            max = Math.max(max, a);
            min = Math.min(min, a);
        }
        double s2 = side * side;
        double sum2 = sum * sum;
        return Math.max(s2 * max / sum2, sum2 / (s2 * min));
    }
}
