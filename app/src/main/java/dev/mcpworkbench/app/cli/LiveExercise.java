package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.McpConnectionException;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.dynamic.DynamicRuleRegistry;
import dev.mcpworkbench.inspector.rules.dynamic.DynamicScan;
import dev.mcpworkbench.inspector.rules.dynamic.SessionEvidence;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.ConnectionToolCaller;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.ExerciseOptions;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.Exerciser;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.HttpProbes;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code scan --exercise}: connect, scan the live definitions, call tools, probe the transport. */
final class LiveExercise {

    private LiveExercise() {
    }

    /** {@code connectOptions}: timeouts and, with --auth, the authorization hook; {@code timeout} limits each call. */
    static ScanResult run(ServerTarget target, ExerciseOptions options, ScanContext context, ConnectOptions connectOptions,
                          Duration timeout) throws IOException {
        try (McpConnection connection = McpConnection.open(target, connectOptions)) {
            ScanResult staticResult = StaticRules.scan(connection.snapshot(), context);
            SessionEvidence transport = target instanceof ServerTarget.StreamableHttp http ? probe(http.url(), http.headers()) : null;
            Exerciser.Report report = new Exerciser(options, DynamicRuleRegistry.standard(), context.settings())
                    .run(new ConnectionToolCaller(connection, timeout, target, connectOptions), transport);
            return DynamicScan.merge(staticResult, report, context.suppressions());
        } catch (McpConnectionException e) {
            throw new IOException("could not scan the server: " + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static SessionEvidence probe(URI endpoint, Map<String, String> headers) throws IOException {
        HttpProbes probes = new HttpProbes(Duration.ofSeconds(10));
        try {
            return new SessionEvidence(List.of(), probes.probeOrigin(endpoint, headers), probes.probeSessions(endpoint, headers, 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while probing the transport", e);
        }
    }
}
