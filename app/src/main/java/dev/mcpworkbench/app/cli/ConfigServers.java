package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.app.scan.ServerSetResult;
import dev.mcpworkbench.app.scan.ServerSetScan;
import dev.mcpworkbench.app.scan.ServerToScan;
import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.rules.ConnectionTarget;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.config.ConfigScanner;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scan --config FILE}: the configuration's own checks on every entry and, with
 * {@code --connect}, every configured server scanned as one set ({@link ServerSetScan}, as the
 * desktop's Scan all does), so the cross-server rules see the servers an agent with this
 * configuration would see together.
 */
final class ConfigServers {

    private ConfigServers() {
    }

    static List<ScanResult> scan(List<ConnectionTarget> entries, ScanContext context, boolean connect, ConnectOptions options) {
        List<ScanResult> results = new ArrayList<>(ConfigScanner.scan(entries, context));
        if (!connect) return results;
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
            results.set(0, new ScanResult(first.findings(), first.suppressed(), first.summary(), first.rules(), errors));
        }
        return results;
    }

    private static ServerTarget serverTarget(ConnectionTarget entry) {
        if (entry.isStdio()) return new ServerTarget.Stdio(entry.command(), entry.args(), entry.env(), null);
        if (entry.url() == null || entry.url().isBlank()) throw new IllegalArgumentException("the entry has neither a command nor a url");
        return new ServerTarget.StreamableHttp(URI.create(entry.url()), entry.headers());
    }
}
