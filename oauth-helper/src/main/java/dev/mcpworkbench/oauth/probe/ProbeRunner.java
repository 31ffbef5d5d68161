package dev.mcpworkbench.oauth.probe;

import dev.mcpworkbench.oauth.flow.FlowStep;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import dev.mcpworkbench.oauth.flow.ProbeStep;
import java.util.ArrayList;
import java.util.List;

/** Runs the chosen probes one after the other, each in its own step of the flow's trace. */
public final class ProbeRunner {

    private ProbeRunner() {
    }

    public static List<ProbeResult> run(List<ActiveProbe> probes, ProbeContext context, FlowTrace trace, ProbeListener listener) {
        List<ProbeResult> results = new ArrayList<>();
        for (ActiveProbe probe : probes) {
            listener.starting(probe);
            ProbeStep step = trace.startProbe(probe.name(), probe.description());
            step.input("rule", probe.ruleId());
            try {
                probe.run(context, step);
                if (step.step().status() == FlowStep.Status.RUNNING) step.pass();
            } catch (RuntimeException e) {
                // a probe's own bug must not take the others down; the step says what broke
                step.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            ProbeResult result = new ProbeResult(probe, step.step());
            results.add(result);
            listener.finished(result);
        }
        return results;
    }
}
