package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.app.scan.ServerOutcome;
import dev.mcpworkbench.app.scan.ServerSetResult;
import dev.mcpworkbench.app.scan.ServerSetScan;
import dev.mcpworkbench.app.scan.ServerToScan;
import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.ServerSection;
import dev.mcpworkbench.inspector.rules.config.ConfigScanner;
import dev.mcpworkbench.inspector.rules.ConnectionTarget;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scan --config FILE}: the configuration's own checks on every entry and, with
 * {@code --connect}, every configured server scanned as one workspace, so the cross-server rules
 * see the servers an agent with this configuration would see together.
 */
final class ConfigServers {

    private ConfigServers() {
    }

    /**
     * What a configuration's scan found.
     *
     * @param results  the entries' own checks, in file order, then (with --connect) the servers reached
     * @param sections with --connect and more than one entry, one per entry in file order (see {@link ServerSection})
     */
    record Scanned(List<ScanResult> results, List<ServerSection> sections) {
    }

    static Scanned scan(List<ConnectionTarget> entries, ScanContext context, boolean connect, ConnectOptions options) {
        List<ScanResult> checked = ConfigScanner.scan(entries, context);
        List<ScanResult> results = new ArrayList<>(checked);
        if (!connect) return new Scanned(results, List.of());
        List<ServerToScan<ConnectionTarget>> servers = entries.stream()
                .map(entry -> new ServerToScan<>(entry.name(), entry, context.withTarget(entry))).toList();
        // each request has the --timeout; a server is not limited beyond that, as before the set was shared
        ServerSetResult set = new ServerSetScan(null, ServerSetScan.Labels.SERVER_INFO).run(servers, entry -> {
            try (McpConnection connection = McpConnection.open(serverTarget(entry), options)) {
                return connection.snapshot();
            }
        }, (index, outcome) -> { });
        results.addAll(set.results());
        // a server that cannot be reached is noted; the others are still judged together
        List<String> unreachable = set.unreachable();
        if (!unreachable.isEmpty()) {
            ScanResult first = results.get(0);
            List<String> errors = new ArrayList<>(first.errors());
            errors.addAll(unreachable);
            results.set(0, first.withErrors(errors));
        }
        if (entries.size() < 2) return new Scanned(results, List.of());
        List<ServerSection> sections = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ConnectionTarget entry = entries.get(i);
            ServerOutcome outcome = set.servers().get(i);
            String transport = entry.isStdio() ? "stdio" : "http";
            if (!outcome.reached()) {
                sections.add(ServerSection.failed(entry.name(), source(entry), transport, checked.get(i), outcome.error()));
            } else {
                ScanResult both = ScanResult.combine(outcome.label(), List.of(checked.get(i), outcome.result()));
                sections.add(ServerSection.scanned(outcome.label(), source(entry), transport, outcome.snapshot(), both));
            }
        }
        return new Scanned(results, sections);
    }

    /** The config file and the entry's name in it, as a person would look it up. */
    private static String source(ConnectionTarget entry) {
        return entry.configFileName().map(file -> file + ": " + entry.name()).orElse(entry.name());
    }

    private static ServerTarget serverTarget(ConnectionTarget entry) {
        if (entry.isStdio()) return new ServerTarget.Stdio(entry.command(), entry.args(), entry.env(), null);
        if (entry.url() == null || entry.url().isBlank()) throw new IllegalArgumentException("the entry has neither a command nor a url");
        return new ServerTarget.StreamableHttp(URI.create(entry.url()), entry.headers());
    }
}
