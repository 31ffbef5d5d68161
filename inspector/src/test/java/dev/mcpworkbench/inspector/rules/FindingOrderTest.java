package dev.mcpworkbench.inspector.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scan sorts findings on packed ranks; the order must be the one the report promises. */
class FindingOrderTest {

    /** The promised order: severity, kind, name, rule, pointer; ties keep the order found (a stable sort). */
    private static final Comparator<Finding> REPORT_ORDER = Comparator.<Finding>comparingInt(f -> f.severity().ordinal())
            .thenComparingInt(f -> f.location().kind().ordinal())
            .thenComparing(f -> f.location().name())
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.location().jsonPointer());

    @Test
    void packedRanksSortLikeTheReportOrderAndKeepTiesInTheOrderFound() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<Finding> found = new ArrayList<>();
            // the last rounds are large enough for the parallel sort
            int n = round < 48 ? random.nextInt(2_000) : 20_000 + random.nextInt(5_000);
            for (int i = 0; i < n; i++) found.add(randomFinding(random, i));
            List<Finding> expected = new ArrayList<>(found);
            expected.sort(REPORT_ORDER);

            List<Finding> sorted = Scanner.sorted(found);

            // identity, not equals: findings equal in every field must still come out in the order found
            assertThat(sorted).hasSameSizeAs(expected);
            for (int i = 0; i < n; i++) assertThat(sorted.get(i)).as("position %d", i).isSameAs(expected.get(i));
        }
    }

    private static Finding randomFinding(Random random, int i) {
        Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
        Location.Kind kind = Location.Kind.values()[random.nextInt(3)];
        // names that share long prefixes, as generated and real servers have them
        String name = random.nextInt(10) == 0 ? "" : "read_file_" + random.nextInt(600);
        String rule = "RULE-00" + random.nextInt(6);
        String pointer = random.nextBoolean() ? "" : "/inputSchema/properties/p" + random.nextInt(4);
        return new Finding(rule, severity, "finding " + i, new Location(kind, name, pointer), "", "", List.of());
    }
}
