package dev.mcpworkbench.inspector.rules.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the usual MCP clients keep their server lists on this kind of system: Claude Desktop,
 * Claude Code, Cursor, VS Code and Windsurf, for the user (under the home folder or the
 * per-user application-data folder) and for the project in a working folder. Only the places are
 * known here; {@link ClientConfigImporter} reads what is found.
 */
public final class ClientConfigLocations {

    /** The operating systems whose folder layouts differ. */
    public enum Os {
        LINUX, MAC, WINDOWS;

        public static Os current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (name.startsWith("mac") || name.startsWith("darwin")) return MAC;
            if (name.startsWith("windows")) return WINDOWS;
            return LINUX;
        }
    }

    /** One place a client keeps its configuration: which client, which file. */
    public record Location(String client, Path file) {
    }

    private ClientConfigLocations() {
    }

    /**
     * Every place looked at, found or not, in a fixed order.
     *
     * @param home    the user's home folder
     * @param project the project folder (the working directory), or null for user configurations only
     * @param env     the environment, for {@code APPDATA} and {@code XDG_CONFIG_HOME}
     */
    public static List<Location> candidates(Path home, Path project, Os os, Map<String, String> env) {
        Path appData = switch (os) {
            case MAC -> home.resolve("Library/Application Support");
            case WINDOWS -> env.containsKey("APPDATA") ? Path.of(env.get("APPDATA")) : home.resolve("AppData/Roaming");
            case LINUX -> env.containsKey("XDG_CONFIG_HOME") ? Path.of(env.get("XDG_CONFIG_HOME")) : home.resolve(".config");
        };
        List<Location> out = new ArrayList<>();
        out.add(new Location("Claude Desktop", appData.resolve("Claude/claude_desktop_config.json")));
        out.add(new Location("Claude Code", home.resolve(".claude.json")));
        out.add(new Location("Cursor", home.resolve(".cursor/mcp.json")));
        // VS Code: the user's mcp.json (since 1.102) and the older "mcp" section of settings.json
        out.add(new Location("VS Code", appData.resolve("Code/User/mcp.json")));
        out.add(new Location("VS Code", appData.resolve("Code/User/settings.json")));
        out.add(new Location("Windsurf", home.resolve(".codeium/windsurf/mcp_config.json")));
        if (project != null) {
            out.add(new Location("Claude Code (project)", project.resolve(".mcp.json")));
            out.add(new Location("Cursor (project)", project.resolve(".cursor/mcp.json")));
            out.add(new Location("VS Code (project)", project.resolve(".vscode/mcp.json")));
        }
        return out;
    }

    /** The candidates that exist as regular files. */
    public static List<Location> existing(Path home, Path project, Os os, Map<String, String> env) {
        return candidates(home, project, os, env).stream().filter(l -> Files.isRegularFile(l.file())).toList();
    }
}
