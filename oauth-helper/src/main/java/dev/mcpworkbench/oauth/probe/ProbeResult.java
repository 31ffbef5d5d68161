package dev.mcpworkbench.oauth.probe;

import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.check.Verdict;
import dev.mcpworkbench.oauth.flow.FlowStep;
import java.util.List;

/** How one probe ended: its step (exchanges, notes, findings) and a one-line verdict. */
public record ProbeResult(ActiveProbe probe, FlowStep step) {

    public List<OAuthFinding> findings() {
        return step.findings();
    }

    /** FAIL, WARN, passed, inconclusive (with why) or error (with why). */
    public String verdict() {
        List<OAuthFinding> findings = findings();
        if (findings.stream().anyMatch(f -> f.verdict() == Verdict.FAIL)) return "FAIL";
        if (findings.stream().anyMatch(f -> f.verdict() == Verdict.WARN)) return "WARN";
        return switch (step.status()) {
            case SKIPPED -> "inconclusive: " + lastNote();
            case FAILED -> "error: " + step.error();
            default -> "passed";
        };
    }

    private String lastNote() {
        List<String> notes = step.notes();
        return notes.isEmpty() ? "" : notes.get(notes.size() - 1);
    }
}
