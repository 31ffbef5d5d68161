package dev.mcpworkbench.inspector.rules.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpworkbench.inspector.connect.ServerTarget;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Each client's format reads back, through the importer `scan --config` uses, as the server that was written. */
class ClientConfigExporterTest {

    private static final ServerTarget STDIO = new ServerTarget.Stdio("npx", List.of("-y", "@acme/server@1.2.3"),
            Map.of("LOG_LEVEL", "debug"), null);
    private static final ServerTarget HTTP = new ServerTarget.StreamableHttp(URI.create("https://mcp.acme.example/mcp"),
            Map.of("X-Team", "notes"));
    private static final ServerTarget SSE = new ServerTarget.Sse(URI.create("https://mcp.acme.example/sse"), Map.of());

    @ParameterizedTest
    @EnumSource(McpClient.class)
    void aStdioServerReadsBackAsWritten(McpClient client) throws IOException {
        ClientConfigEntry back = ClientConfigImporter.importEntries(ClientConfigExporter.file(client, "acme", STDIO), "x").get(0);
        assertThat(back.target().name()).isEqualTo("acme");
        assertThat(back.target().command()).isEqualTo("npx");
        assertThat(back.target().args()).containsExactly("-y", "@acme/server@1.2.3");
        assertThat(back.target().env()).containsEntry("LOG_LEVEL", "debug");
    }

    @ParameterizedTest
    @EnumSource(value = McpClient.class, names = "CLAUDE_DESKTOP", mode = EnumSource.Mode.EXCLUDE)
    void aRemoteServerReadsBackWithItsUrlHeadersAndTransport(McpClient client) throws IOException {
        ClientConfigEntry http = ClientConfigImporter.importEntries(ClientConfigExporter.file(client, "acme", HTTP), "x").get(0);
        assertThat(http.target().url()).isEqualTo("https://mcp.acme.example/mcp");
        assertThat(http.target().headers()).containsEntry("X-Team", "notes");
        assertThat(http.isSse()).isFalse();
        ClientConfigEntry sse = ClientConfigImporter.importEntries(ClientConfigExporter.file(client, "acme", SSE), "x").get(0);
        boolean declaresType = client == McpClient.VS_CODE || client == McpClient.CLAUDE_CODE;
        assertThat(sse.isSse()).as("only VS Code and Claude Code write the transport").isEqualTo(declaresType);
    }

    @Test
    void claudeDesktopReachesARemoteServerThroughMcpRemote() throws IOException {
        ClientConfigEntry back = ClientConfigImporter.importEntries(ClientConfigExporter.file(McpClient.CLAUDE_DESKTOP, "acme", HTTP), "x").get(0);
        assertThat(back.target().command()).isEqualTo("npx");
        assertThat(back.target().args()).containsExactly("-y", "mcp-remote", "https://mcp.acme.example/mcp", "--header", "X-Team:notes");
    }

    @Test
    void addingKeepsTheOtherServersAndTheFileShapeAndRefusesComments() throws IOException {
        String settings = "{\"editor.fontSize\": 14, \"mcp\": {\"servers\": {\"other\": {\"command\": \"uvx\"}}}}";
        String added = ClientConfigExporter.addTo(settings, McpClient.VS_CODE, "acme", HTTP);
        assertThat(added).contains("\"editor.fontSize\" : 14");
        assertThat(ClientConfigImporter.importEntries(added, "settings.json")).extracting(e -> e.target().name())
                .containsExactly("other", "acme");
        assertThat(ClientConfigExporter.has(added, "acme")).isTrue();
        assertThatThrownBy(() -> ClientConfigExporter.addTo("{\"servers\": {}, }", McpClient.VS_CODE, "acme", HTTP))
                .hasMessageContaining("comments or trailing commas");
    }

    @Test
    void eachClientsFileIsWhereThatClientKeepsIt() {
        Path home = Path.of("/home/me");
        assertThat(McpClient.CLAUDE_DESKTOP.locations(McpClient.Os.MAC, home, Map.of()))
                .containsExactly(Path.of("/home/me/Library/Application Support/Claude/claude_desktop_config.json"));
        assertThat(McpClient.CLAUDE_DESKTOP.locations(McpClient.Os.LINUX, home, Map.of("XDG_CONFIG_HOME", "/cfg")))
                .containsExactly(Path.of("/cfg/Claude/claude_desktop_config.json"));
        assertThat(McpClient.VS_CODE.locations(McpClient.Os.WINDOWS, home, Map.of("APPDATA", "/appdata")))
                .containsExactly(Path.of("/appdata/Code/User/mcp.json"), Path.of("/appdata/Code/User/settings.json"));
        assertThat(McpClient.WINDSURF.locations(McpClient.Os.LINUX, home, Map.of()))
                .containsExactly(Path.of("/home/me/.codeium/windsurf/mcp_config.json"));
        assertThat(McpClient.CLAUDE_CODE.locations(McpClient.Os.WINDOWS, home, Map.of())).containsExactly(Path.of("/home/me/.claude.json"));
    }
}
