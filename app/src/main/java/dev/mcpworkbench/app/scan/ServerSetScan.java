package dev.mcpworkbench.app.scan;

import dev.mcpworkbench.inspector.connect.McpConnectionException;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.catalog.WorkspaceScan;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run over a set of servers: each reached in turn, then all judged together with
 * {@link WorkspaceScan}. A server that cannot be reached is noted and the others are still judged
 * together. {@link #cancel()} (from any thread) stops before the next server and interrupts the one
 * being reached; the servers reached until then are still judged. Use once.
 */
public final class ServerSetScan {

    /** What the findings' locations are prefixed with. */
    public enum Labels {
        /** Each server's serverInfo name, numbered when two share one (as {@code scan --config --connect} reports). */
        SERVER_INFO,
        /** The names the servers were given (saved connections' names). */
        GIVEN_NAMES
    }

    /** Told of every change of a server's outcome, on the scanning thread. */
    @FunctionalInterface
    public interface Listener {
        void changed(int index, ServerOutcome outcome);
    }

    private final Duration perServerLimit;
    private final Labels labels;
    private volatile boolean cancelled;
    private volatile Future<?> current;

    /**
     * @param perServerLimit how long connecting and listing one server may take; null for no limit
     *                       beyond the connection's own timeouts
     */
    public ServerSetScan(Duration perServerLimit, Labels labels) {
        this.perServerLimit = perServerLimit;
        this.labels = labels;
    }

    /** Stops the run: no further server is tried and the one being reached is interrupted. */
    public void cancel() {
        cancelled = true;
        Future<?> reaching = current;
        if (reaching != null) reaching.cancel(true);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Reaches every server, then judges those reached together. Blocking. */
    public <T> ServerSetResult run(List<ServerToScan<T>> servers, ServerReach<T> reach, Listener listener) {
        List<ServerOutcome> outcomes = new ArrayList<>();
        for (ServerToScan<T> server : servers) outcomes.add(ServerOutcome.failed(server.name(), ServerStatus.WAITING, ""));
        boolean interrupted = false;
        ExecutorService reaching = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("scan-set-", 0).factory());
        try {
            for (int i = 0; i < servers.size(); i++) {
                ServerToScan<T> server = servers.get(i);
                if (cancelled) {
                    update(outcomes, i, ServerOutcome.failed(server.name(), ServerStatus.CANCELLED, "the scan was cancelled"), listener);
                    continue;
                }
                update(outcomes, i, ServerOutcome.failed(server.name(), ServerStatus.CONNECTING, ""), listener);
                Future<ServerSnapshot> future = reaching.submit(() -> reach.snapshot(server.address()));
                current = future;
                if (cancelled) future.cancel(true); // cancelled between the check and the submit
                ServerOutcome outcome;
                try {
                    ServerSnapshot snapshot = perServerLimit == null ? future.get() : future.get(perServerLimit.toMillis(), TimeUnit.MILLISECONDS);
                    outcome = new ServerOutcome(server.name(), ServerStatus.LISTED, snapshot, null, "", "");
                } catch (TimeoutException e) {
                    future.cancel(true);
                    outcome = ServerOutcome.failed(server.name(), ServerStatus.TIMED_OUT,
                            "no complete answer within " + perServerLimit.toSeconds() + " s");
                } catch (CancellationException e) {
                    outcome = ServerOutcome.failed(server.name(), ServerStatus.CANCELLED, "the scan was cancelled");
                } catch (ExecutionException e) {
                    outcome = failure(server.name(), e.getCause());
                } catch (InterruptedException e) {
                    // whoever runs the scan is going away: stop as Cancel does, and still return what was reached
                    interrupted = true;
                    cancel();
                    outcome = ServerOutcome.failed(server.name(), ServerStatus.CANCELLED, "the scan was cancelled");
                }
                current = null;
                update(outcomes, i, outcome, listener);
            }
        } finally {
            reaching.shutdownNow();
        }
        judge(servers, outcomes, listener);
        if (interrupted) Thread.currentThread().interrupt();
        return new ServerSetResult(outcomes, cancelled);
    }

    private <T> void judge(List<ServerToScan<T>> servers, List<ServerOutcome> outcomes, Listener listener) {
        List<Integer> reached = new ArrayList<>();
        List<ServerSnapshot> snapshots = new ArrayList<>();
        List<ScanContext> contexts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (!outcomes.get(i).reached()) continue;
            reached.add(i);
            snapshots.add(outcomes.get(i).snapshot());
            contexts.add(servers.get(i).context());
            names.add(servers.get(i).name());
        }
        List<String> prefixes = labels == Labels.GIVEN_NAMES ? names : WorkspaceScan.labels(snapshots);
        List<ScanResult> results = WorkspaceScan.scan(snapshots, contexts, prefixes);
        for (int k = 0; k < reached.size(); k++) {
            int i = reached.get(k);
            ServerOutcome listed = outcomes.get(i);
            update(outcomes, i, new ServerOutcome(listed.name(), ServerStatus.SCANNED, listed.snapshot(), results.get(k),
                    prefixes.get(k), ""), listener);
        }
    }

    private ServerOutcome failure(String name, Throwable cause) {
        if (cause instanceof McpConnectionException e && e.kind() == McpConnectionException.Kind.UNAUTHORIZED) {
            return ServerOutcome.failed(name, ServerStatus.NEEDS_AUTHORIZATION, oneLine(e));
        }
        if (cancelled) return ServerOutcome.failed(name, ServerStatus.CANCELLED, "the scan was cancelled");
        return ServerOutcome.failed(name, ServerStatus.FAILED, oneLine(cause));
    }

    private static void update(List<ServerOutcome> outcomes, int index, ServerOutcome outcome, Listener listener) {
        outcomes.set(index, outcome);
        listener.changed(index, outcome);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) return e.getClass().getSimpleName();
        return message.strip().lines().findFirst().orElse(message);
    }
}
