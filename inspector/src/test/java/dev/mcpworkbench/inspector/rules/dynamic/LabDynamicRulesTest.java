package dev.mcpworkbench.inspector.rules.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.ExerciseOptions;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.ExerciseOptions.PlannedCall;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.Exerciser;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.HttpProbes;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.ConnectionToolCaller;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabServerKind;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.lab.StdioLab;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lab's flawed server trips every dynamic rule planted in it; its secure twin trips none. */
@Timeout(120)
class LabDynamicRulesTest {

    private static final ObjectMapper M = new ObjectMapper();

    private static final List<PlannedCall> FLAWED_CALLS = List.of(
            new PlannedCall("get_integration_config", null),
            new PlannedCall("get_customer_record", null),
            new PlannedCall("sync_to_crm", null),
            new PlannedCall("export_all_notes", null),
            new PlannedCall("list_all_tags", null),
            new PlannedCall("get_note_stats", null),
            new PlannedCall("get_ticket", M.createObjectNode().put("id", "T-1")));

    private static Exerciser.Report exercise(ServerTarget target, ExerciseOptions options, SessionEvidence transportEvidence) throws Exception {
        ConnectOptions connect = ConnectOptions.defaults().withConnectTimeout(Duration.ofSeconds(20)).withRequestTimeout(Duration.ofSeconds(20));
        try (McpConnection connection = McpConnection.open(target, connect)) {
            return new Exerciser(options, DynamicRuleRegistry.standard(), RuleSettings.defaults())
                    .run(new ConnectionToolCaller(connection, Duration.ofSeconds(20), target, connect), transportEvidence);
        }
    }

    private static ServerTarget http(RunningLab lab) {
        return new ServerTarget.StreamableHttp(lab.mcpUrl(), Map.of());
    }

    private static SessionEvidence probes(RunningLab lab) throws Exception {
        HttpProbes probes = new HttpProbes(Duration.ofSeconds(5));
        return new SessionEvidence(List.of(), probes.probeOrigin(lab.mcpUrl(), Map.of()),
                probes.probeSessions(lab.mcpUrl(), Map.of(), 3));
    }

    @Test
    void flawedServerOverHttpTripsEachPlantedRule() throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.flawed())) {
            ExerciseOptions options = ExerciseOptions.readOnly().withCalls(FLAWED_CALLS).withProbeInputs(true);
            Exerciser.Report report = exercise(http(lab), options, probes(lab));
            Set<String> fired = report.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
            assertThat(fired).contains("OUTPUT-002", "OUTPUT-003", "OUTPUT-004", "OUTPUT-005", "OUTPUT-006", "OUTPUT-007",
                    "POISON-007", "SCHEMA-007", "TRANSPORT-002", "DRIFT-002", "TRANSPORT-003");
            assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("TRANSPORT-003")).extracting(Finding::message)
                    .anySatisfy(m -> assertThat(m).contains("sequential session ids"));
            assertRugPullSeen(report);
            assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("OUTPUT-004"))
                    .allSatisfy(f -> assertThat(f.evidence()).contains("****"));
            assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("OUTPUT-004"))
                    .anySatisfy(f -> assertThat(f.location().name()).isEqualTo("get_integration_config"));
        }
    }

    @Test
    void flawedServerOverStdioLeaksTheSameOutputs() throws Exception {
        List<String> command = StdioLab.command(LabServerKind.FLAWED);
        ServerTarget stdio = new ServerTarget.Stdio(command.get(0), command.subList(1, command.size()), Map.of(), null);
        Exerciser.Report report = exercise(stdio,
                ExerciseOptions.readOnly().withCalls(FLAWED_CALLS), null);
        Set<String> fired = report.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
        assertThat(fired).contains("OUTPUT-002", "OUTPUT-003", "OUTPUT-004", "OUTPUT-005", "OUTPUT-006", "OUTPUT-007", "POISON-007",
                "DRIFT-002");
        assertRugPullSeen(report);
    }

    private static void assertRugPullSeen(Exerciser.Report report) {
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("DRIFT-002"))
                .anySatisfy(f -> {
                    assertThat(f.message()).isEqualTo("Tool get_note_stats changed after the first tools/call within one session");
                    assertThat(f.evidence()).contains("description").contains("~/.aws/credentials");
                });
    }

    @Test
    void secureTwinHasNothingAboveInfo() throws Exception {
        try (RunningLab lab = Lab.start(LabSpec.secure())) {
            ExerciseOptions options = ExerciseOptions.readOnly().withProbeInputs(true);
            Exerciser.Report report = exercise(http(lab), options, probes(lab));
            assertThat(report.exchanges()).isNotEmpty();
            assertThat(report.findings()).filteredOn(f -> f.severity().atLeast(Severity.LOW)).isEmpty();
        }
    }
}
