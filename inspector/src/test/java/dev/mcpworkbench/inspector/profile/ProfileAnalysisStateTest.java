package dev.mcpworkbench.inspector.profile;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.Baseline;
import dev.mcpworkbench.inspector.rules.drift.Pins;
import dev.mcpworkbench.inspector.rules.suppress.Suppression;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProfileAnalysisStateTest {

    private static ServerSnapshot snapshot;
    private static ScanResult scan;

    @TempDir
    Path dir;

    @BeforeAll
    static void scanTheCorpusServer() throws Exception {
        snapshot = SnapshotJson.read(Path.of(System.getProperty("workbench.root"),
                "inspector/src/test/resources/corpus/filesystem.json"));
        scan = StaticRules.scan(snapshot, ScanContext.defaults());
        assertThat(scan.findings()).as("the corpus server has findings to suppress").isNotEmpty();
    }

    private static ConnectionProfile httpProfile(String name) {
        return ConnectionProfile.of(name, new ServerTarget.StreamableHttp(URI.create("http://127.0.0.1:3000/mcp"),
                Map.of("X-Team", "blue")));
    }

    @Test
    void suppressionsAndPinRoundTripThroughTheStoreAndTheScannerHonoursThem() throws Exception {
        ProfileStore store = new ProfileStore(dir);
        store.save(List.of(httpProfile("first"), httpProfile("filesystem"), httpProfile("last")));
        Finding accepted = scan.findings().get(0);
        Suppressions suppressions = Suppressions.none().with(Suppression.of(accepted, "reviewed: read-only server"));
        Baseline pin = Pins.pin(snapshot);

        store.updateProfile("filesystem", p -> ProfileAnalysisState.withSuppressions(p, suppressions));
        store.updateProfile("filesystem", p -> ProfileAnalysisState.withPin(p, pin));

        ProfileStore reopened = new ProfileStore(dir);
        List<ConnectionProfile> profiles = reopened.load().profiles();
        assertThat(profiles).extracting(ConnectionProfile::name).containsExactly("first", "filesystem", "last");
        ConnectionProfile saved = profiles.get(1);
        assertThat(saved.target()).isEqualTo(httpProfile("x").target());
        ProfileAnalysisState state = ProfileAnalysisState.of(saved);
        assertThat(state.warnings()).isEmpty();
        assertThat(state.suppressions()).isEqualTo(suppressions);
        assertThat(state.pin()).contains(pin);
        assertThat(Pins.diff(state.pin().get(), snapshot)).isEmpty();

        ScanResult rescanned = StaticRules.scan(snapshot, ScanContext.defaults()
                .withSuppressions(state.suppressions()).withBaseline(state.pin().get()));
        assertThat(rescanned.suppressed()).extracting(s -> s.finding().fingerprint()).containsExactly(accepted.fingerprint());
        assertThat(rescanned.findings()).noneMatch(f -> f.fingerprint().equals(accepted.fingerprint()));
        assertThat(rescanned.findings()).noneMatch(f -> f.ruleId().equals("DRIFT-001"));
    }

    @Test
    void theStoredValuesAreTheFilesTheCliReads() throws Exception {
        ProfileStore store = new ProfileStore(dir);
        store.put(httpProfile("filesystem"));
        Suppressions suppressions = Suppressions.none().with(Suppression.of(scan.findings().get(0), "accepted"));
        store.updateProfile("filesystem", p -> ProfileAnalysisState.withPin(
                ProfileAnalysisState.withSuppressions(p, suppressions), Pins.pin(snapshot)));

        JsonNode extensions = SnapshotJson.MAPPER.readTree(store.file().toFile())
                .path("profiles").get(0).path("extensions");
        Path suppressionsFile = Files.writeString(dir.resolve("suppressions.json"), extensions.get("suppressions").toString());
        Path baselineFile = Files.writeString(dir.resolve("baseline.json"), extensions.get("pins").toString());
        assertThat(SnapshotJson.MAPPER.readValue(suppressionsFile.toFile(), Suppressions.class)).isEqualTo(suppressions);
        assertThat(Pins.diff(SnapshotJson.MAPPER.readValue(baselineFile.toFile(), Baseline.class), snapshot)).isEmpty();
    }

    @Test
    void aMalformedSuppressionIsIgnoredWithAWarningAndTheConnectionAndTheEntrySurvive() throws Exception {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME), """
                {"version":1,"profiles":[{"name":"lab","target":{"type":"stdio","command":"node","args":["server.js"],
                  "env":{"TOKEN_FILE":"/run/token"},"workingDir":"/srv"},
                  "roots":[{"uri":"file:///srv","name":"srv"}],
                  "extensions":{"oauth":{"clientId":"abc"},"suppressions":{"items":[
                    {"fingerprint":"SCHEMA-001|tool|read|/inputSchema","ruleId":"SCHEMA-001","reason":"accepted","createdAt":""},
                    {"fingerprint":"POISON-001|tool|x|","ruleId":"POISON-001"},
                    "not even an object"]}}}]}
                """);
        ProfileStore store = new ProfileStore(dir);
        ProfileStore.LoadResult loaded = store.load();
        assertThat(loaded.warning()).isEmpty();
        ConnectionProfile lab = loaded.profiles().get(0);
        assertThat(lab.target()).isEqualTo(new ServerTarget.Stdio("node", List.of("server.js"),
                Map.of("TOKEN_FILE", "/run/token"), Path.of("/srv")));
        assertThat(lab.roots()).hasSize(1);

        ProfileAnalysisState state = ProfileAnalysisState.of(lab);
        assertThat(state.suppressions().items()).extracting(Suppression::ruleId).containsExactly("SCHEMA-001");
        assertThat(state.warnings()).hasSize(2)
                .allSatisfy(w -> assertThat(w).contains("\"lab\"").contains("ignored"));

        Suppression added = Suppression.of(scan.findings().get(0), "new one");
        store.updateProfile("lab", p -> ProfileAnalysisState.withSuppressions(p, state.suppressions().with(added)));

        ConnectionProfile rewritten = new ProfileStore(dir).load().profiles().get(0);
        assertThat(rewritten.target()).isEqualTo(lab.target());
        assertThat(rewritten.roots()).isEqualTo(lab.roots());
        assertThat(rewritten.extensions().path("oauth").path("clientId").asText()).isEqualTo("abc");
        JsonNode items = rewritten.extensions().path("suppressions").path("items");
        assertThat(items).hasSize(4);
        assertThat(items.toString()).contains("POISON-001|tool|x|").contains("not even an object");
        assertThat(ProfileAnalysisState.of(rewritten).suppressions().items()).extracting(Suppression::reason)
                .containsExactly("accepted", "new one");
    }

    @Test
    void suppressionsOfTheWrongShapeAreKeptAsideWhenReplaced() throws Exception {
        ConnectionProfile profile = httpProfile("odd").withExtension("suppressions",
                SnapshotJson.MAPPER.readTree("[{\"rule\":\"SCHEMA-001\",\"reason\":\"accepted\"}]"));
        assertThat(ProfileAnalysisState.of(profile).warnings()).singleElement()
                .satisfies(w -> assertThat(w).contains("not an object with an \"items\" list"));

        ConnectionProfile written = ProfileAnalysisState.withSuppressions(profile,
                Suppressions.none().with(Suppression.of(scan.findings().get(0), "ok")));
        assertThat(written.extensions().path("suppressions.unreadable").toString()).contains("\"rule\":\"SCHEMA-001\"");
        assertThat(ProfileAnalysisState.of(written).suppressions().items()).hasSize(1);
        assertThat(ProfileAnalysisState.of(written).warnings()).isEmpty();
    }

    @Test
    void anUnreadablePinIsNotUsedAndIsKeptAsideWhenRepinned() throws Exception {
        ConnectionProfile profile = httpProfile("drifty").withExtension("pins", SnapshotJson.MAPPER.readTree(
                "{\"serverName\":\"fs\",\"items\":{\"tool:read\":{\"definition\":{\"name\":\"read\"}}}}"));
        ProfileAnalysisState state = ProfileAnalysisState.of(profile);
        assertThat(state.pin()).isEmpty();
        assertThat(state.warnings()).singleElement().satisfies(w -> assertThat(w).contains("pinned baseline"));

        ConnectionProfile repinned = ProfileAnalysisState.withPin(profile, Pins.pin(snapshot));
        assertThat(ProfileAnalysisState.of(repinned).pin()).isPresent();
        assertThat(repinned.extensions().path("pins.unreadable").path("serverName").asText()).isEqualTo("fs");
        assertThat(ProfileAnalysisState.withPin(repinned, null).extensions().has("pins")).isFalse();
    }

    @Test
    void aProfileFromBeforeSuppressionsExistedLoadsWithNone() throws Exception {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME), """
                {"version":1,"profiles":[{"name":"old","target":{"type":"http","url":"http://127.0.0.1:9/mcp"}}]}
                """);
        ConnectionProfile old = new ProfileStore(dir).load().profiles().get(0);
        ProfileAnalysisState state = ProfileAnalysisState.of(old);
        assertThat(state.suppressions().items()).isEmpty();
        assertThat(state.pin()).isEmpty();
        assertThat(state.warnings()).isEmpty();
    }

    @Test
    void updatingAProfileThatIsNotSavedFailsAndChangesNothing() throws Exception {
        ProfileStore store = new ProfileStore(dir);
        store.put(httpProfile("kept"));
        String before = Files.readString(store.file());
        assertThatThrownBy(() -> store.updateProfile("gone", p -> ProfileAnalysisState.withPin(p, Pins.pin(snapshot))))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("\"gone\"");
        assertThat(Files.readString(store.file())).isEqualTo(before);
    }

    @Test
    void concurrentChangesThroughDifferentStoresOfTheSameFileAreAllKept() throws Exception {
        new ProfileStore(dir).put(httpProfile("busy"));
        List<Finding> findings = scan.findings();
        int writers = Math.min(12, findings.size());
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < writers; i++) {
                Finding f = findings.get(i);
                done.add(pool.submit(() -> new ProfileStore(dir).updateProfile("busy", p -> ProfileAnalysisState.withSuppressions(p,
                        ProfileAnalysisState.of(p).suppressions().with(Suppression.of(f, "reason " + f.fingerprint()))))));
            }
            for (Future<?> f : done) f.get(30, TimeUnit.SECONDS);
        }
        ConnectionProfile busy = new ProfileStore(dir).find("busy").orElseThrow();
        assertThat(ProfileAnalysisState.of(busy).suppressions().items()).hasSize(
                (int) findings.subList(0, writers).stream().map(Finding::fingerprint).distinct().count());
    }
}
