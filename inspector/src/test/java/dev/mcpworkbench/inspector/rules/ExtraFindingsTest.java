package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.rules.suppress.Suppression;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings made outside the static rules (the authorization flow's) are reported, counted and suppressed like theirs. */
class ExtraFindingsTest {

    private static final Finding FROM_THE_FLOW = new Finding("OAUTH-025", Severity.HIGH, "token response is cacheable",
            new Location(Location.Kind.AUTHORIZATION, "Token request", ""), "Cache-Control missing", "", List.of());

    private static ServerSnapshot memory() throws Exception {
        return SnapshotJson.read(Path.of("src/test/resources/corpus/memory.json"));
    }

    @Test
    void extraFindingsJoinTheResultAndCountTowardsTheThreshold() throws Exception {
        ScanResult plain = StaticRules.scan(memory(), ScanContext.defaults());
        ScanResult withFlow = StaticRules.scan(memory(), ScanContext.defaults().withExtraFindings(List.of(FROM_THE_FLOW)));

        assertThat(plain.hasFindingsAtLeast(Severity.HIGH)).isFalse();
        assertThat(withFlow.findings()).contains(FROM_THE_FLOW).hasSize(plain.findings().size() + 1);
        assertThat(withFlow.summary().count(Severity.HIGH)).isEqualTo(plain.summary().count(Severity.HIGH) + 1);
        assertThat(withFlow.hasFindingsAtLeast(Severity.HIGH)).isTrue();
        assertThat(withFlow.findings().get(0)).isEqualTo(FROM_THE_FLOW); // worst first
    }

    @Test
    void aSuppressionAcceptsAnExtraFindingToo() throws Exception {
        ScanContext context = ScanContext.defaults().withExtraFindings(List.of(FROM_THE_FLOW))
                .withSuppressions(Suppressions.none().with(Suppression.of(FROM_THE_FLOW, "known, fixed upstream")));
        ScanResult result = StaticRules.scan(memory(), context);

        assertThat(result.findings()).doesNotContain(FROM_THE_FLOW);
        assertThat(result.suppressed()).extracting(SuppressedFinding::finding).contains(FROM_THE_FLOW);
    }
}
