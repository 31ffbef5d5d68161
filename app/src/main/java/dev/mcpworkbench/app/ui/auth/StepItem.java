package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.oauth.flow.FlowStep;
import dev.mcpworkbench.oauth.flow.StepKind;

/**
 * A row of the steps list: a step that ran (or is running), or one still to come. {@code revision}
 * changes whenever the step gains an exchange or finding, so list cells redraw.
 */
public record StepItem(StepKind kind, FlowStep step, int revision) {

    public static StepItem pending(StepKind kind) {
        return new StepItem(kind, null, 0);
    }

    public boolean isPending() {
        return step == null;
    }

    /** "waiting", "running", "passed", "failed", "skipped". */
    public String state() {
        return step == null ? "waiting" : step.status().name().toLowerCase(java.util.Locale.ROOT);
    }
}
