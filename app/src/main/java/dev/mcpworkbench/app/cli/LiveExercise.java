package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.McpConnectionException;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.Scanner;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code scan --exercise}: connect, scan the live definitions, call tools, probe the transport. */
final class LiveExercise {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private LiveExercise() {
    }

    static ScanResult run(String stdio, String url, List<String> headerArgs, ExerciseOptions options, ScanContext context)
            throws IOException {
        if (stdio == null && url == null) throw new IllegalArgumentException("--exercise needs a live server: --stdio CMD or --url URL");
        Map<String, String> headers = headers(headerArgs);
        ServerTarget target = stdio != null ? ServerTarget.Stdio.parse(stdio) : new ServerTarget.StreamableHttp(URI.create(url), headers);
        try (McpConnection connection = McpConnection.open(target, ConnectOptions.defaults().withRequestTimeout(TIMEOUT))) {
            ScanResult staticResult = Scanner.scan(connection.snapshot(), context);
            SessionEvidence transport = url == null ? null : probe(URI.create(url), headers);
            Exerciser.Report report = new Exerciser(options, DynamicRuleRegistry.standard(), RuleSettings.defaults())
                    .run(new ConnectionToolCaller(connection, TIMEOUT), transport);
            return DynamicScan.merge(staticResult, report, context.suppressions());
        } catch (McpConnectionException e) {
            throw new IOException("cannot connect: " + e.getMessage(), e);
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

    private static Map<String, String> headers(List<String> args) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String h : args) {
            int colon = h.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("--header takes NAME:VALUE, not '" + h + "'");
            map.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        }
        return map;
    }
}
