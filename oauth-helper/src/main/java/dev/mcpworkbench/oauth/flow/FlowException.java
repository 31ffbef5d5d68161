package dev.mcpworkbench.oauth.flow;

/** The flow stopped: the message says which step and why, in one line, without secrets. */
public final class FlowException extends Exception {

    private static final long serialVersionUID = 1L;
    private final StepKind step;

    public FlowException(StepKind step, String message) {
        super(step.title() + ": " + message);
        this.step = step;
    }

    public StepKind step() {
        return step;
    }
}
