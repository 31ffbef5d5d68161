package dev.mcpworkbench.inspector.rules.config;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.drift.UnpinnedLaunch;
import dev.mcpworkbench.inspector.rules.transport.CleartextTransport;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans an imported client configuration without connecting: CONFIG-001, DRIFT-003 and
 * TRANSPORT-001 on every server entry.
 */
public final class ConfigScanner {

    public static final List<StaticRule> RULES = List.of(new SecretInClientConfig(), new UnpinnedLaunch(), new CleartextTransport());

    private ConfigScanner() {
    }

    /** One result per server entry, in file order. */
    public static List<ScanResult> scan(Path configFile, ScanContext context) throws IOException {
        return scan(ClientConfigImporter.importFile(configFile), context);
    }

    public static List<ScanResult> scan(List<ConnectionTarget> targets, ScanContext context) {
        ScanContext base = context == null ? ScanContext.defaults() : context;
        List<ScanResult> results = new ArrayList<>();
        for (ConnectionTarget target : targets) {
            ServerSnapshot empty = new ServerSnapshot(target.name(), null, List.of(), List.of(), List.of(), List.of());
            results.add(Scanner.scan(empty, base.withTarget(target), RULES));
        }
        return results;
    }
}
