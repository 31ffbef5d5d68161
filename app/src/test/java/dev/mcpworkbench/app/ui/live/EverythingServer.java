package dev.mcpworkbench.app.ui.live;

import dev.mcpworkbench.app.ui.connect.ProfileFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A stdio profile for the reference server-everything from the project's pinned npm tools. */
final class EverythingServer {

    private EverythingServer() {
    }

    static Path toolsDir() {
        return Path.of(System.getProperty("workbench.root", ".")).resolve(".tools/node/node_modules");
    }

    static boolean installed() {
        return Files.isRegularFile(toolsDir().resolve(".bin/node")) || Files.exists(toolsDir().resolve(".bin/node"));
    }

    static ProfileFields profile() {
        Path bin = toolsDir().resolve(".bin");
        return new ProfileFields("everything", ProfileFields.Kind.STDIO, bin.resolve("node").toString(),
                List.of(bin.resolve("mcp-server-everything").toString(), "stdio"),
                Map.of(), "", "", Map.of(), List.of());
    }
}
