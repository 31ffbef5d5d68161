package dev.mcpworkbench.app.auth;

import dev.mcpworkbench.oauth.flow.AuthorizationAgent;
import dev.mcpworkbench.oauth.flow.AuthorizationResult;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.http.RequestCancelledException;
import dev.mcpworkbench.oauth.probe.ActiveProbe;
import dev.mcpworkbench.oauth.probe.ProbeContext;
import dev.mcpworkbench.oauth.probe.ProbeListener;
import dev.mcpworkbench.oauth.probe.ProbeResult;
import dev.mcpworkbench.oauth.probe.ProbeRunner;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Active probes run on their own thread, one after the other, each recorded as a step of the
 * flow's trace by the oauth-helper's {@link ProbeRunner}, and cancellable. A cancel interrupts the
 * probe in flight, and from then on the run's HTTP client sends nothing and its agent opens no
 * authorization page, so the probe in flight ends at its next request whatever it catches; no
 * further probe starts.
 */
public final class ProbeRun {

    /** What a UI follows; called on the run's thread. */
    public interface Progress {
        void starting(ActiveProbe probe, int index, int total);

        void finished(ProbeResult result, int index, int total);
    }

    private final CompletableFuture<List<ProbeResult>> done = new CompletableFuture<>();
    private volatile boolean cancelled;
    private volatile Thread thread;

    private ProbeRun() {
    }

    /**
     * Starts {@code probes} against the completed authorization {@code result} of {@code server},
     * recording into {@code trace}; {@code agent} takes the authorization requests probes send.
     */
    public static ProbeRun start(List<ActiveProbe> probes, URI server, AuthorizationResult result, AuthorizationAgent agent,
                                 Duration callbackTimeout, Duration requestTimeout, FlowTrace trace, Progress progress) {
        ProbeRun run = new ProbeRun();
        RecordingHttpClient http = new RecordingHttpClient(requestTimeout, 1 << 20);
        http.hook((draft, sink) -> {
            if (run.cancelled) throw new RequestCancelledException("cancelled by the user");
            return draft;
        });
        AuthorizationAgent unlessCancelled = (url, redirect, context) -> {
            if (run.cancelled) throw new FlowException(StepKind.ACTIVE_PROBE, "cancelled by the user");
            return agent.authorize(url, redirect, context);
        };
        ProbeContext context = new ProbeContext(server, result, http, unlessCancelled, callbackTimeout);
        run.thread = Thread.ofVirtual().name("active-probes").start(() -> run.runAll(List.copyOf(probes), context, trace, progress));
        return run;
    }

    private void runAll(List<ActiveProbe> probes, ProbeContext context, FlowTrace trace, Progress progress) {
        List<ProbeResult> results = new ArrayList<>();
        try {
            for (int i = 0; i < probes.size() && !cancelled; i++) {
                int index = i;
                results.addAll(ProbeRunner.run(List.of(probes.get(i)), context, trace, new ProbeListener() {
                    @Override
                    public void starting(ActiveProbe probe) {
                        progress.starting(probe, index, probes.size());
                    }

                    @Override
                    public void finished(ProbeResult result) {
                        progress.finished(result, index, probes.size());
                    }
                }));
            }
            done.complete(List.copyOf(results));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    /** Stops after the probe in flight, which is interrupted. */
    public void cancel() {
        cancelled = true;
        Thread t = thread;
        if (t != null) t.interrupt();
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** The results of the probes that ran, when the run ends. */
    public CompletableFuture<List<ProbeResult>> results() {
        return done;
    }
}
