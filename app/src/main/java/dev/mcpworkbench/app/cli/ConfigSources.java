package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.inspector.rules.ConnectionTarget;
import dev.mcpworkbench.inspector.rules.config.ClientConfigImporter;
import dev.mcpworkbench.inspector.rules.config.ClientConfigLocations;
import dev.mcpworkbench.inspector.rules.config.ClientConfigLocations.Location;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code scan --config FILE...} and {@code scan --discover}: the client configurations to judge,
 * read into one list of server entries. With more than one file, each entry's name is prefixed
 * with where it came from ({@code Cursor/github}, {@code mcp.json/github}), so that two clients'
 * servers of one name stay apart in the report. A file that cannot be read is noted and the others
 * are still read, as with several snapshots.
 *
 * @param entries the server entries of every file read, in order
 * @param errors         one line per file that could not be read
 * @param configurations how many files were read
 */
record ConfigSources(List<ConnectionTarget> entries, List<String> errors, int configurations) {

    /** The files named with --config, in order, each once. */
    static ConfigSources of(List<Path> files) throws IOException {
        List<Location> named = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Path file : files) {
            if (seen.add(file.toAbsolutePath().normalize())) named.add(new Location(file.getFileName().toString(), file));
        }
        if (named.size() == 1) {
            // one file as before: its entries keep their own names and a bad file is an input error (exit 2)
            return new ConfigSources(ClientConfigImporter.importFile(named.get(0).file()), List.of(), 1);
        }
        return read(named);
    }

    /**
     * The usual client configurations found under {@code home} and in {@code project}, each listed
     * on {@code err} with the number of servers it holds (or why it holds none).
     */
    static ConfigSources discover(Path home, Path project, PrintWriter err) {
        List<Location> found = ClientConfigLocations.existing(home, project, ClientConfigLocations.Os.current(), System.getenv());
        if (found.isEmpty()) {
            err.println("mcp-workbench: no client configuration found; looked for:");
            for (Location l : ClientConfigLocations.candidates(home, project, ClientConfigLocations.Os.current(), System.getenv())) {
                err.println("  " + l.client() + ": " + l.file());
            }
            return new ConfigSources(List.of(), List.of(), 0);
        }
        List<Location> withServers = new ArrayList<>();
        for (Location l : found) {
            try {
                int servers = ClientConfigImporter.importFile(l.file()).size();
                err.println("mcp-workbench: found " + l.client() + ": " + l.file() + " (" + servers + (servers == 1 ? " server)" : " servers)"));
                if (servers > 0) withServers.add(l);
            } catch (IOException e) {
                // a settings.json or .claude.json without an MCP section is a client file, just not one with servers
                err.println("mcp-workbench: found " + l.client() + ": " + l.file() + " (no servers: " + e.getMessage() + ")");
            }
        }
        return read(withServers);
    }

    private static ConfigSources read(List<Location> locations) {
        List<ConnectionTarget> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Location l : locations) {
            try {
                for (ConnectionTarget t : ClientConfigImporter.importFile(l.file())) entries.add(named(l.client() + "/" + t.name(), t));
            } catch (NoSuchFileException e) {
                errors.add("could not read " + l.file() + ": no such file");
            } catch (IOException e) {
                errors.add("could not read " + l.file() + ": " + e.getMessage());
            }
        }
        return new ConfigSources(entries, errors, locations.size() - errors.size());
    }

    private static ConnectionTarget named(String name, ConnectionTarget t) {
        return new ConnectionTarget(name, t.command(), t.args(), t.env(), t.url(), t.headers(), t.configFile(), t.tlsProtocol());
    }

    /** A name for the report: the one file's name, or how many configurations were read. */
    String label(List<Path> named) {
        if (named != null && named.size() == 1) return named.get(0).getFileName().toString();
        return configurations + (configurations == 1 ? " client configuration" : " client configurations");
    }
}
