package dev.mcpworkbench.oauth.flow;

import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.http.HttpExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Every step the flow ran in a session (re-authorizations append), and the listeners that watch them. */
public final class FlowTrace {

    private final List<FlowStep> steps = new CopyOnWriteArrayList<>();
    private final List<FlowListener> listeners = new CopyOnWriteArrayList<>();

    public void addListener(FlowListener listener) {
        listeners.add(listener);
    }

    public List<FlowStep> steps() {
        return List.copyOf(steps);
    }

    /** All findings of all steps, de-duplicated by rule id and message. */
    public List<OAuthFinding> findings() {
        List<OAuthFinding> all = new ArrayList<>();
        for (FlowStep step : steps) {
            for (OAuthFinding f : step.findings()) {
                boolean seen = all.stream().anyMatch(o -> o.ruleId().equals(f.ruleId()) && o.message().equals(f.message()));
                if (!seen) {
                    all.add(f);
                }
            }
        }
        return all;
    }

    /**
     * Starts the step of an active probe: its name and what it will send are the step's first
     * inputs. The returned handle lets code outside this package record into the step.
     */
    public ProbeStep startProbe(String probeName, String description) {
        FlowStep step = start(StepKind.ACTIVE_PROBE);
        step.input("probe", probeName);
        step.input("sends", description);
        return new ProbeStep(this, step);
    }

    FlowStep start(StepKind kind) {
        FlowStep step = new FlowStep(kind);
        steps.add(step);
        listeners.forEach(l -> l.stepStarted(step));
        return step;
    }

    Consumer<HttpExchange> sink(FlowStep step) {
        return new StepSink(this, step);
    }

    /** The step a sink of this trace records into, so an interceptor can be told which step is asking. */
    static java.util.Optional<FlowStep> stepOf(Consumer<HttpExchange> sink) {
        return sink instanceof StepSink s ? java.util.Optional.of(s.step()) : java.util.Optional.empty();
    }

    private record StepSink(FlowTrace trace, FlowStep step) implements Consumer<HttpExchange> {
        @Override
        public void accept(HttpExchange exchange) {
            step.exchange(exchange);
            trace.listeners.forEach(l -> l.exchangeRecorded(step, exchange));
        }
    }

    void raise(FlowStep step, OAuthFinding finding) {
        step.finding(finding);
        listeners.forEach(l -> l.findingRaised(step, finding));
    }

    void pass(FlowStep step) {
        step.pass();
        listeners.forEach(l -> l.stepFinished(step));
    }

    void skip(FlowStep step, String why) {
        step.skip(why);
        listeners.forEach(l -> l.stepFinished(step));
    }

    /** Marks the step failed and returns the exception that stops the flow. */
    FlowException fail(FlowStep step, String why) {
        step.fail(why);
        listeners.forEach(l -> l.stepFinished(step));
        return new FlowException(step.kind(), why);
    }
}
