package dev.mcpworkbench.app.scan;

import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.ServerSection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A set of servers scanned together.
 *
 * @param servers   one outcome per server, in the order given
 * @param cancelled true when the scan was cancelled: the servers reached before were still judged together
 */
public record ServerSetResult(List<ServerOutcome> servers, boolean cancelled) {

    public ServerSetResult {
        servers = List.copyOf(servers);
    }

    /** The results of the servers reached, in order: each server's own findings, cross-server ones included. */
    public List<ScanResult> results() {
        return servers.stream().filter(ServerOutcome::reached).map(ServerOutcome::result).toList();
    }

    /** One line per server not reached, for a report's errors. */
    public List<String> unreachable() {
        return servers.stream().filter(s -> !s.reached()).map(s -> s.status() == ServerStatus.CANCELLED
                ? "did not scan '" + s.name() + "': the scan was cancelled"
                : "could not connect to '" + s.name() + "': " + s.error()).toList();
    }

    /**
     * The whole set as one result, as a report shows it: findings together, counts summed, the
     * servers not reached in its errors.
     */
    public ScanResult combined(String name) {
        ScanResult combined = ScanResult.combine(name, results());
        List<String> errors = new ArrayList<>(combined.errors());
        errors.addAll(unreachable());
        return new ScanResult(combined.findings(), combined.suppressed(), combined.summary(), combined.rules(), errors);
    }

    /**
     * The whole set as a report with a section per server (see {@link ServerSection}), as
     * {@code scan --config --connect} writes it: {@code source} and {@code transport} describe server i.
     */
    public ScanResult report(String name, IntFunction<String> source, IntFunction<String> transport) {
        List<ServerSection> sections = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            ServerOutcome s = servers.get(i);
            sections.add(s.reached()
                    ? ServerSection.scanned(s.label(), source.apply(i), transport.apply(i), s.snapshot(), s.result())
                    : ServerSection.failed(s.name(), source.apply(i), transport.apply(i), null, s.error()));
        }
        return combined(name).withServers(sections);
    }
}
