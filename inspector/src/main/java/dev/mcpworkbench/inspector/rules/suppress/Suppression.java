package dev.mcpworkbench.inspector.rules.suppress;

import java.util.Objects;

/**
 * A finding a person has accepted, with why. Matched by {@link dev.mcpworkbench.inspector.rules.Finding#fingerprint()}
 * (rule, location kind, item name, JSON pointer), so rewording a message does not revive it.
 *
 * @param fingerprint the finding's fingerprint
 * @param ruleId      the rule, repeated for readability of the saved file
 * @param reason      why it is accepted (required: a suppression without a reason is a silenced alarm)
 * @param createdAt   ISO-8601 instant, informational; may be empty
 */
public record Suppression(String fingerprint, String ruleId, String reason, String createdAt) {

    public Suppression {
        Objects.requireNonNull(fingerprint, "fingerprint");
        ruleId = ruleId == null ? fingerprint.split("\\|", 2)[0] : ruleId;
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("A suppression needs a reason");
        createdAt = createdAt == null ? "" : createdAt;
    }

    public static Suppression of(dev.mcpworkbench.inspector.rules.Finding finding, String reason) {
        return new Suppression(finding.fingerprint(), finding.ruleId(), reason, java.time.Instant.now().toString());
    }
}
