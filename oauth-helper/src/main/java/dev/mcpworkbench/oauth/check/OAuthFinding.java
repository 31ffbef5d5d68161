package dev.mcpworkbench.oauth.check;

import dev.mcpworkbench.oauth.flow.StepKind;
import java.util.Objects;

/**
 * A problem the authorization flow observed, with its OAUTH rule id (see docs/authorization.md).
 * Evidence is already masked: it never carries a token or a secret.
 */
public record OAuthFinding(String ruleId, Verdict verdict, String message, String evidence, StepKind step) {

    public OAuthFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? "" : evidence;
    }

    public static OAuthFinding fail(String ruleId, StepKind step, String message, String evidence) {
        return new OAuthFinding(ruleId, Verdict.FAIL, message, evidence, step);
    }

    public static OAuthFinding warn(String ruleId, StepKind step, String message, String evidence) {
        return new OAuthFinding(ruleId, Verdict.WARN, message, evidence, step);
    }

    public static OAuthFinding info(String ruleId, StepKind step, String message, String evidence) {
        return new OAuthFinding(ruleId, Verdict.INFO, message, evidence, step);
    }

    @Override
    public String toString() {
        return ruleId + " [" + verdict + "] " + message + (evidence.isEmpty() ? "" : " (" + evidence + ")");
    }
}
