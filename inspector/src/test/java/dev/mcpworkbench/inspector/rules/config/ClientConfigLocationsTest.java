package dev.mcpworkbench.inspector.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.inspector.rules.config.ClientConfigLocations.Location;
import dev.mcpworkbench.inspector.rules.config.ClientConfigLocations.Os;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where each client keeps its configuration, per system, and which of those places exist. */
class ClientConfigLocationsTest {

    private static List<String> files(List<Location> locations, Path base) {
        return locations.stream().map(l -> l.client() + " " + base.relativize(l.file()).toString().replace('\\', '/')).toList();
    }

    @Test
    void eachSystemsUserFolders(@TempDir Path home) {
        assertThat(files(ClientConfigLocations.candidates(home, null, Os.LINUX, Map.of()), home)).containsExactly(
                "Claude Desktop .config/Claude/claude_desktop_config.json", "Claude Code .claude.json", "Cursor .cursor/mcp.json",
                "VS Code .config/Code/User/mcp.json", "VS Code .config/Code/User/settings.json",
                "Windsurf .codeium/windsurf/mcp_config.json");
        assertThat(files(ClientConfigLocations.candidates(home, null, Os.MAC, Map.of()), home)).contains(
                "Claude Desktop Library/Application Support/Claude/claude_desktop_config.json",
                "VS Code Library/Application Support/Code/User/mcp.json");
        Path roaming = home.resolve("Roaming");
        assertThat(files(ClientConfigLocations.candidates(home, null, Os.WINDOWS, Map.of("APPDATA", roaming.toString())), home)).contains(
                "Claude Desktop Roaming/Claude/claude_desktop_config.json", "VS Code Roaming/Code/User/settings.json",
                "Cursor .cursor/mcp.json");
        Path xdg = home.resolve("xdg");
        assertThat(files(ClientConfigLocations.candidates(home, null, Os.LINUX, Map.of("XDG_CONFIG_HOME", xdg.toString())), home))
                .contains("Claude Desktop xdg/Claude/claude_desktop_config.json");
    }

    @Test
    void projectFilesAndOnlyThoseThatExist(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(home.resolve(".cursor"));
        Files.writeString(home.resolve(".cursor/mcp.json"), "{\"mcpServers\": {}}");
        Files.createDirectories(project.resolve(".vscode"));
        Files.writeString(project.resolve(".vscode/mcp.json"), "{\"servers\": {}}");
        Files.createDirectories(home.resolve(".codeium/windsurf/mcp_config.json")); // a folder, not a file
        assertThat(ClientConfigLocations.existing(home, project, Os.LINUX, Map.of()))
                .extracting(Location::client).containsExactly("Cursor", "VS Code (project)");
    }
}
