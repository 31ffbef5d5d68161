package dev.mcpworkbench.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The set run behind {@code scan --config --connect} and the desktop's Scan all, against real
 * servers: the lab's flawed server saved twice (so every tool name collides with the copy's), its
 * secure twin behind OAuth (reached without running any flow), a command that does not exist, and
 * a command that never answers (for Cancel and the per-server limit).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerSetScanTest {

    private static RunningLab flawed;
    private static RunningLab secured;

    @BeforeAll
    static void startLabs() {
        flawed = Lab.start(LabSpec.flawed());
        secured = Lab.start(LabSpec.secure().withAuth());
    }

    @AfterAll
    static void stopLabs() {
        flawed.close();
        secured.close();
    }

    private static ServerToScan<ServerTarget> server(String name, ServerTarget target) {
        return new ServerToScan<>(name, target, ScanContext.defaults().withTarget(ConnectionTargets.of(target)));
    }

    private static ServerTarget http(RunningLab lab) {
        return new ServerTarget.StreamableHttp(lab.mcpUrl(), Map.of());
    }

    /** A stdio "server" that starts and never says a word. */
    private static ServerTarget silent() {
        return new ServerTarget.Stdio("sleep", List.of("600"), Map.of(), null);
    }

    private static ServerReach<ServerTarget> reach() {
        return target -> {
            try (McpConnection connection = McpConnection.open(target, ConnectOptions.defaults())) {
                return connection.snapshot();
            }
        };
    }

    @Test
    void reachedServersAreJudgedTogetherAndTheOthersSayWhy() {
        List<ServerToScan<ServerTarget>> servers = List.of(
                server("notes", http(flawed)),
                server("notes-copy", http(flawed)),
                server("secured", http(secured)),
                server("broken", new ServerTarget.Stdio("mcp-workbench-no-such-command", List.of(), Map.of(), null)));
        List<ServerStatus> seen = new CopyOnWriteArrayList<>();
        ServerSetResult result = new ServerSetScan(Duration.ofSeconds(60), ServerSetScan.Labels.GIVEN_NAMES)
                .run(servers, reach(), (index, outcome) -> seen.add(outcome.status()));

        assertThat(result.cancelled()).isFalse();
        assertThat(result.servers()).extracting(ServerOutcome::status).containsExactly(
                ServerStatus.SCANNED, ServerStatus.SCANNED, ServerStatus.NEEDS_AUTHORIZATION, ServerStatus.FAILED);
        assertThat(seen).as("each server is reported connecting, listed, then scanned or failed")
                .startsWith(ServerStatus.CONNECTING, ServerStatus.LISTED).contains(ServerStatus.SCANNED);
        ServerOutcome notes = result.servers().get(0);
        assertThat(notes.snapshot().tools()).isNotEmpty();
        assertThat(notes.label()).isEqualTo("notes");
        assertThat(result.servers().get(3).error()).contains("mcp-workbench-no-such-command");
        assertThat(result.servers().get(2).error()).isNotBlank();

        // the copy's tools have the same names: DOCS-002 on both, found only because they were judged together
        List<Finding> collisions = notes.result().findingsOf("DOCS-002").stream()
                .filter(f -> f.message().contains("has the same name as")).toList();
        assertThat(collisions).isNotEmpty();
        assertThat(collisions).allMatch(f -> f.location().name().startsWith("notes/"));
        assertThat(notes.local(collisions.get(0)).location().name()).doesNotContain("/")
                .isEqualTo(collisions.get(0).location().name().substring("notes/".length()));
        assertThat(result.servers().get(1).result().findingsOf("DOCS-002")).anyMatch(f -> f.location().name().startsWith("notes-copy/"));

        var combined = result.combined("4 saved connections");
        assertThat(combined.findings()).hasSize(notes.result().findings().size() + result.servers().get(1).result().findings().size());
        assertThat(combined.errors()).anyMatch(e -> e.startsWith("could not connect to 'secured'"))
                .anyMatch(e -> e.startsWith("could not connect to 'broken'"));
    }

    @Test
    void cancelAbortsTheServerBeingReachedAndSkipsTheRest() throws Exception {
        ServerSetScan run = new ServerSetScan(Duration.ofMinutes(5), ServerSetScan.Labels.GIVEN_NAMES);
        List<ServerToScan<ServerTarget>> servers = List.of(server("notes", http(flawed)), server("silent", silent()),
                server("notes-copy", http(flawed)));
        ServerSetResult result = run.run(servers, reach(), (index, outcome) -> {
            if (index == 1 && outcome.status() == ServerStatus.CONNECTING) {
                // from another thread, as the window's Cancel button does, once the silent server is being reached
                Thread.ofVirtual().start(() -> {
                    sleepQuietly(300);
                    run.cancel();
                });
            }
        });
        assertThat(result.cancelled()).isTrue();
        assertThat(result.servers()).extracting(ServerOutcome::status)
                .containsExactly(ServerStatus.SCANNED, ServerStatus.CANCELLED, ServerStatus.CANCELLED);
        assertThat(result.unreachable()).anyMatch(l -> l.contains("'silent'") && l.contains("cancelled"));
        assertThat(silentProcessesEnd()).as("the silent server's process was stopped").isTrue();
    }

    @Test
    void aServerPastItsLimitIsGivenUpAndTheNextIsStillScanned() throws Exception {
        List<ServerToScan<ServerTarget>> servers = List.of(server("silent", silent()), server("notes", http(flawed)));
        ServerSetResult result = new ServerSetScan(Duration.ofSeconds(2), ServerSetScan.Labels.SERVER_INFO)
                .run(servers, reach(), (index, outcome) -> { });
        assertThat(result.servers()).extracting(ServerOutcome::status).containsExactly(ServerStatus.TIMED_OUT, ServerStatus.SCANNED);
        assertThat(result.servers().get(0).error()).contains("within 2 s");
        assertThat(result.servers().get(1).label()).as("serverInfo names label the findings, as scan --config --connect reports")
                .isEqualTo(result.servers().get(1).snapshot().serverName());
        assertThat(silentProcessesEnd()).isTrue();
    }

    @Test
    void aSavedConnectionKeepsItsAcceptedFindingsAndTargetInTheSet() throws Exception {
        ServerTarget target = http(flawed);
        // a finding accepted while the server was on screen alone, saved with its connection
        var alone = dev.mcpworkbench.inspector.rules.catalog.StaticRules.scan(reach().snapshot(target), ScanContext.defaults());
        Finding accepted = alone.findings().get(0);
        var suppression = dev.mcpworkbench.inspector.rules.suppress.Suppression.of(accepted, "accepted for the test");
        var profile = dev.mcpworkbench.inspector.profile.ProfileAnalysisState.withSuppressions(
                dev.mcpworkbench.inspector.profile.ConnectionProfile.of("notes", target),
                new dev.mcpworkbench.inspector.rules.suppress.Suppressions(List.of(suppression)));
        ScanContext context = SavedConnections.context("notes", List.of(profile), dev.mcpworkbench.inspector.rules.RuleSettings.defaults());
        assertThat(context.connectionTarget()).as("how the saved connection reaches its server").isPresent();

        ServerSetResult result = new ServerSetScan(Duration.ofSeconds(60), ServerSetScan.Labels.GIVEN_NAMES).run(List.of(
                new ServerToScan<>("notes", target, context), server("notes-copy", target)), reach(), (index, outcome) -> { });
        ServerOutcome notes = result.servers().get(0);
        assertThat(notes.result().suppressed()).extracting(s -> s.suppression().fingerprint()).containsExactly(suppression.fingerprint());
        var saved = new dev.mcpworkbench.inspector.rules.suppress.Suppressions(List.of(suppression));
        assertThat(notes.result().findings()).as("the accepted finding is not among the active ones")
                .noneMatch(f -> saved.matching(notes.local(f)).isPresent());
        assertThat(result.servers().get(1).result().findings()).as("the copy still has it")
                .anyMatch(f -> saved.matching(result.servers().get(1).local(f)).isPresent());
        assertThat(result.servers().get(1).result().suppressed()).as("the copy has no accepted findings of its own").isEmpty();
    }

    /** Waits (up to 20 s) for every "sleep 600" child of this JVM to be gone. */
    private static boolean silentProcessesEnd() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            boolean alive = ProcessHandle.current().descendants().anyMatch(p -> p.isAlive()
                    && p.info().commandLine().orElse("").contains("sleep 600"));
            if (!alive) return true;
            Thread.sleep(100);
        }
        return false;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
