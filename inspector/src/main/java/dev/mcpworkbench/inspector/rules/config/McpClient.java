package dev.mcpworkbench.inspector.rules.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MCP clients whose configuration files the workbench reads and writes, with where each keeps
 * its user-level file on Linux, macOS and Windows, and the object its servers sit under.
 */
public enum McpClient {
    CLAUDE_DESKTOP("Claude Desktop", "mcpServers"),
    CLAUDE_CODE("Claude Code", "mcpServers"),
    CURSOR("Cursor", "mcpServers"),
    VS_CODE("VS Code", "servers"),
    WINDSURF("Windsurf", "mcpServers");

    /** The operating systems whose file locations differ. */
    public enum Os {
        LINUX, MAC, WINDOWS;

        public static Os current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            return name.startsWith("windows") ? WINDOWS : name.startsWith("mac") ? MAC : LINUX;
        }
    }

    private final String label;
    private final String serversKey;

    McpClient(String label, String serversKey) {
        this.label = label;
        this.serversKey = serversKey;
    }

    public String label() {
        return label;
    }

    /** The top-level key of a new file's server entries ({@code servers} in VS Code's mcp.json). */
    public String serversKey() {
        return serversKey;
    }

    /** Where this client keeps its user configuration, most likely first (the file may not exist). */
    public List<Path> locations(Os os, Path home, Map<String, String> env) {
        Path appData = env.containsKey("APPDATA") ? Path.of(env.get("APPDATA")) : home.resolve("AppData").resolve("Roaming");
        Path xdg = env.containsKey("XDG_CONFIG_HOME") ? Path.of(env.get("XDG_CONFIG_HOME")) : home.resolve(".config");
        Path appSupport = home.resolve("Library").resolve("Application Support");
        Path userConfig = switch (os) {
            case MAC -> appSupport;
            case WINDOWS -> appData;
            case LINUX -> xdg;
        };
        List<Path> out = new ArrayList<>();
        switch (this) {
            case CLAUDE_DESKTOP -> out.add(userConfig.resolve("Claude").resolve("claude_desktop_config.json"));
            case CLAUDE_CODE -> out.add(home.resolve(".claude.json"));
            case CURSOR -> out.add(home.resolve(".cursor").resolve("mcp.json"));
            case VS_CODE -> {
                // mcp.json since VS Code 1.102; before, an "mcp" object in settings.json
                out.add(userConfig.resolve("Code").resolve("User").resolve("mcp.json"));
                out.add(userConfig.resolve("Code").resolve("User").resolve("settings.json"));
            }
            case WINDSURF -> out.add(home.resolve(".codeium").resolve("windsurf").resolve("mcp_config.json"));
        }
        return out;
    }

    /** The locations on this machine, for this user. */
    public List<Path> locations() {
        return locations(Os.current(), Path.of(System.getProperty("user.home")), System.getenv());
    }

    @Override
    public String toString() {
        return label;
    }
}
