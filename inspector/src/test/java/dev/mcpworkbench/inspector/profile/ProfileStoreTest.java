package dev.mcpworkbench.inspector.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.connect.Root;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path dir;

    private static ConnectionProfile stdioProfile() {
        ObjectNode ext = JsonNodeFactory.instance.objectNode();
        ext.putArray("suppressions").addObject().put("rule", "SCHEMA-001").put("reason", "accepted");
        ext.putObject("futureHelper").put("anything", 42);
        return new ConnectionProfile("everything",
                new ServerTarget.Stdio("npx", List.of("-y", "@modelcontextprotocol/server-everything"),
                        Map.of("API_KEY", "k"), Path.of("/tmp")),
                List.of(new Root("file:///work", "work")), ext);
    }

    @Test
    void savesAndLoadsEveryFieldIncludingExtensions() throws Exception {
        ProfileStore store = new ProfileStore(dir);
        ConnectionProfile http = ConnectionProfile.of("remote",
                new ServerTarget.StreamableHttp(URI.create("https://mcp.example/mcp"), Map.of("X-Team", "a")));
        ConnectionProfile sse = ConnectionProfile.of("legacy", new ServerTarget.Sse(URI.create("http://127.0.0.1:3001/sse"), Map.of()));
        store.save(List.of(stdioProfile(), http, sse));

        ProfileStore.LoadResult loaded = new ProfileStore(dir).load();
        assertThat(loaded.warning()).isEmpty();
        assertThat(loaded.profiles()).containsExactly(stdioProfile(), http, sse);
        assertThat(loaded.profiles().get(0).extensions().path("futureHelper").path("anything").asInt()).isEqualTo(42);
    }

    @Test
    void missingFileIsAnEmptyList() throws Exception {
        ProfileStore.LoadResult loaded = new ProfileStore(dir.resolve("nowhere")).load();
        assertThat(loaded.profiles()).isEmpty();
        assertThat(loaded.warning()).isEmpty();
    }

    @Test
    void writesAtomicallyLeavingNoTempFiles() throws Exception {
        ProfileStore store = new ProfileStore(dir);
        store.put(stdioProfile());
        store.put(stdioProfile().withName("second"));
        store.put(stdioProfile().withRoots(List.of()));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(ProfileStore.FILE_NAME);
        }
        assertThat(store.load().profiles()).extracting(ConnectionProfile::name).containsExactly("second", "everything");
        assertThat(store.remove("second")).isTrue();
        assertThat(store.remove("second")).isFalse();
    }

    @Test
    void corruptFileIsMovedAsideWithAClearMessage() throws Exception {
        Path file = dir.resolve(ProfileStore.FILE_NAME);
        Files.writeString(file, "{\"profiles\": [ {\"name\": \"half");
        ProfileStore store = new ProfileStore(dir);

        ProfileStore.LoadResult loaded = store.load();
        assertThat(loaded.profiles()).isEmpty();
        assertThat(loaded.warning()).hasValueSatisfying(w -> assertThat(w).contains("could not be read").contains(".corrupt-"));
        try (var files = Files.list(dir)) {
            List<Path> aside = files.filter(p -> p.getFileName().toString().startsWith("profiles.json.corrupt-")).toList();
            assertThat(aside).hasSize(1);
            assertThat(Files.readString(aside.get(0))).isEqualTo("{\"profiles\": [ {\"name\": \"half");
        }
        assertThat(file).doesNotExist();

        store.put(stdioProfile());
        assertThat(store.load().profiles()).hasSize(1);
    }

    @Test
    void fileWithAnUnknownTargetTypeIsKeptAside() throws Exception {
        Files.writeString(dir.resolve(ProfileStore.FILE_NAME),
                "{\"version\":1,\"profiles\":[{\"name\":\"x\",\"target\":{\"type\":\"carrier-pigeon\"}}]}");
        ProfileStore.LoadResult loaded = new ProfileStore(dir).load();
        assertThat(loaded.warning()).hasValueSatisfying(w -> assertThat(w).contains("carrier-pigeon"));
    }

    @Test
    void configDirectoryCanBeOverridden() {
        String old = System.getProperty("mcpworkbench.config.dir");
        System.setProperty("mcpworkbench.config.dir", dir.toString());
        try {
            assertThat(ProfileStore.userConfigDirectory()).isEqualTo(dir);
            assertThat(ProfileStore.inUserConfig().file()).isEqualTo(dir.resolve(ProfileStore.FILE_NAME));
        } finally {
            if (old == null) System.clearProperty("mcpworkbench.config.dir");
            else System.setProperty("mcpworkbench.config.dir", old);
        }
    }
}
