package dev.mcpworkbench.oauth.flow;

import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.http.HttpExchange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of the flow as the user sees it: the values it started from (editable for a replay), the
 * values it produced, every HTTP exchange it made, the checks it ran and how it ended. Secret values
 * in {@link #inputs()} and {@link #outputs()} are stored masked; the exchanges keep the raw text.
 */
public final class FlowStep {

    /** How a step ended. */
    public enum Status { RUNNING, PASSED, FAILED, SKIPPED }

    private final StepKind kind;
    private final Instant startedAt = Instant.now();
    private final Map<String, String> inputs = new LinkedHashMap<>();
    private final Map<String, String> outputs = new LinkedHashMap<>();
    private final List<HttpExchange> exchanges = new ArrayList<>();
    private final List<OAuthFinding> findings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private volatile Status status = Status.RUNNING;
    private volatile String error;

    FlowStep(StepKind kind) {
        this.kind = kind;
    }

    public StepKind kind() {
        return kind;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Status status() {
        return status;
    }

    /** Why the step failed, or null. */
    public String error() {
        return error;
    }

    public synchronized Map<String, String> inputs() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    public synchronized Map<String, String> outputs() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    public synchronized List<HttpExchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public synchronized List<OAuthFinding> findings() {
        return List.copyOf(findings);
    }

    /** Plain-language notes: which fallback was taken, what was chosen and why. */
    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized void input(String name, String value) {
        inputs.put(name, value == null ? "" : value);
    }

    synchronized void output(String name, String value) {
        outputs.put(name, value == null ? "" : value);
    }

    synchronized void exchange(HttpExchange exchange) {
        exchanges.add(exchange);
    }

    synchronized void finding(OAuthFinding finding) {
        findings.add(finding);
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    void pass() {
        status = Status.PASSED;
    }

    void skip(String why) {
        note(why);
        status = Status.SKIPPED;
    }

    void fail(String why) {
        error = why;
        status = Status.FAILED;
    }

    @Override
    public String toString() {
        return kind.title() + ": " + status + (error == null ? "" : " (" + error + ")");
    }
}
