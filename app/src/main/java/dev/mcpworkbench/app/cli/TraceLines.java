package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.flow.FlowListener;
import dev.mcpworkbench.oauth.flow.FlowStep;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.SecretMasker;
import java.io.PrintWriter;

/**
 * {@code connect --trace}: the authorization flow as it happens, one line per HTTP exchange (step,
 * method, URL with secrets masked, status, milliseconds), plus the events a summary would hide:
 * a refresh, a step-up, a re-authorization, a finding.
 */
final class TraceLines implements FlowListener {

    private final PrintWriter err;

    TraceLines(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void stepStarted(FlowStep step) {
        if (step.kind() == StepKind.REFRESH) line("refresh: the access token expired or was refused; using the refresh token");
    }

    @Override
    public void exchangeRecorded(FlowStep step, HttpExchange exchange) {
        String outcome = exchange.answered() ? String.valueOf(exchange.status()) : "no answer (" + exchange.error() + ")";
        line(label(step) + "  " + exchange.method() + " " + SecretMasker.maskUrl(exchange.uri().toString()) + " -> " + outcome
                + " (" + exchange.elapsed().toMillis() + " ms)");
    }

    @Override
    public void findingRaised(FlowStep step, OAuthFinding finding) {
        line(label(step) + "  finding " + finding.ruleId() + " " + finding.verdict() + ": " + finding.message());
    }

    @Override
    public void stepFinished(FlowStep step) {
        if (step.kind() == StepKind.PROBE && "403".equals(step.inputs().get("status"))) {
            line("step-up: the server answered 403 insufficient_scope; authorizing again with the scopes it asked for");
        }
        if (step.status() == FlowStep.Status.FAILED) line(label(step) + "  failed: " + step.error());
    }

    private static String label(FlowStep step) {
        String probe = step.inputs().get("probe");
        return step.kind().title() + (probe == null ? "" : " " + probe);
    }

    private void line(String text) {
        err.println("trace  " + text);
        err.flush();
    }
}
