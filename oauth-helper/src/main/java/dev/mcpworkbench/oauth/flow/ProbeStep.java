package dev.mcpworkbench.oauth.flow;

import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.http.HttpExchange;
import java.util.function.Consumer;

/**
 * The recording side of one {@link StepKind#ACTIVE_PROBE} step, for the probes (another package):
 * what they send lands in the step as exchanges, what they conclude as findings and notes, and
 * the trace's listeners see it all as it happens, like any other step.
 */
public final class ProbeStep {

    private final FlowTrace trace;
    private final FlowStep step;

    ProbeStep(FlowTrace trace, FlowStep step) {
        this.trace = trace;
        this.step = step;
    }

    public FlowStep step() {
        return step;
    }

    /** Where the probe's HTTP client records its exchanges. */
    public Consumer<HttpExchange> sink() {
        return trace.sink(step);
    }

    public void input(String name, String value) {
        step.input(name, value);
    }

    public void output(String name, String value) {
        step.output(name, value);
    }

    public void note(String text) {
        step.note(text);
    }

    public void raise(OAuthFinding finding) {
        trace.raise(step, finding);
    }

    public void pass() {
        trace.pass(step);
    }

    /** The probe could not conclude (the server lacks what it tests, or refused the setup): nothing is raised. */
    public void skip(String why) {
        trace.skip(step, why);
    }

    public void fail(String why) {
        trace.fail(step, why);
    }
}
