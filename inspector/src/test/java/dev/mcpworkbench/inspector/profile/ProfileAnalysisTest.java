package dev.mcpworkbench.inspector.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.Scanner;
import dev.mcpworkbench.inspector.rules.drift.Pins;
import dev.mcpworkbench.inspector.rules.suppress.Suppression;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileAnalysisTest {

    @TempDir
    Path dir;

    private static ServerSnapshot memory() throws Exception {
        try (InputStream in = ProfileAnalysisTest.class.getResourceAsStream("/corpus/memory.json")) {
            return SnapshotJson.read(in, "memory.json");
        }
    }

    @Test
    void suppressionsAndPinsSurviveTheStoreAndSuppressTheSameFinding() throws Exception {
        ServerSnapshot snapshot = memory();
        Finding finding = Scanner.scan(snapshot, ScanContext.defaults()).findings().get(0);
        ProfileStore store = new ProfileStore(dir);
        ConnectionProfile other = ConnectionProfile.of("other", new ServerTarget.StreamableHttp(URI.create("http://127.0.0.1:1/mcp"), Map.of()));
        store.save(List.of(ConnectionProfile.of("memory", ServerTarget.Stdio.parse("mcp-server-memory")), other));

        store.update("memory", p -> ProfileAnalysis.withSuppressions(p,
                Suppressions.none().with(Suppression.of(finding, "Accepted for the demo"))));
        store.update("memory", p -> ProfileAnalysis.withPins(p, Pins.pin(snapshot)));

        ConnectionProfile reloaded = new ProfileStore(dir).load().profiles().get(0);
        Suppressions suppressions = ProfileAnalysis.suppressions(reloaded);
        var rescan = Scanner.scan(snapshot, ScanContext.defaults().withSuppressions(suppressions));
        assertThat(rescan.suppressed()).singleElement().satisfies(s -> {
            assertThat(s.finding().fingerprint()).isEqualTo(finding.fingerprint());
            assertThat(s.suppression().reason()).isEqualTo("Accepted for the demo");
        });
        assertThat(Pins.diff(ProfileAnalysis.pins(reloaded).orElseThrow(), snapshot)).isEmpty();
        assertThat(new ProfileStore(dir).load().profiles().get(1)).isEqualTo(other);
    }

    @Test
    void aProfileWithoutAnalysisStateHasNone() throws Exception {
        ConnectionProfile plain = ConnectionProfile.of("plain", ServerTarget.Stdio.parse("server"));
        assertThat(ProfileAnalysis.suppressions(plain).items()).isEmpty();
        assertThat(ProfileAnalysis.pins(plain)).isEmpty();
        assertThat(new ProfileStore(dir).update("missing", p -> p)).isEmpty();
    }

    @Test
    void malformedStateIsAClearErrorAndTheConnectionSettingsStay() throws Exception {
        ConnectionProfile broken = ConnectionProfile.of("broken", ServerTarget.Stdio.parse("server --flag"))
                .withExtension(ProfileAnalysis.SUPPRESSIONS, JsonNodeFactory.instance.textNode("not a list"))
                .withExtension(ProfileAnalysis.PINS, JsonNodeFactory.instance.objectNode().put("items", 7));
        new ProfileStore(dir).save(List.of(broken));
        ConnectionProfile loaded = new ProfileStore(dir).load().profiles().get(0);
        assertThat(loaded.target()).isEqualTo(broken.target());
        assertThatThrownBy(() -> ProfileAnalysis.suppressions(loaded))
                .hasMessageStartingWith("The suppressions saved with connection \"broken\" cannot be read");
        assertThatThrownBy(() -> ProfileAnalysis.pins(loaded)).hasMessageContaining("pins saved with connection \"broken\"");
    }
}
