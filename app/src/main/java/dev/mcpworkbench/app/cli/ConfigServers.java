package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.McpConnectionException;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.catalog.WorkspaceScan;
import dev.mcpworkbench.inspector.rules.config.ConfigScanner;
import dev.mcpworkbench.inspector.rules.ConnectionTarget;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
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

    static List<ScanResult> scan(List<ConnectionTarget> entries, ScanContext context, boolean connect, ConnectOptions options) {
        List<ScanResult> results = new ArrayList<>(ConfigScanner.scan(entries, context));
        if (!connect) return results;
        List<ServerSnapshot> servers = new ArrayList<>();
        List<ScanContext> contexts = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (ConnectionTarget entry : entries) {
            // a server that cannot be reached is noted; the others are still judged together
            try (McpConnection connection = McpConnection.open(serverTarget(entry), options)) {
                servers.add(connection.snapshot());
                contexts.add(context.withTarget(entry));
            } catch (McpConnectionException | IllegalArgumentException e) {
                unreachable.add("could not connect to '" + entry.name() + "': " + e.getMessage());
            }
        }
        results.addAll(WorkspaceScan.scan(servers, contexts));
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
