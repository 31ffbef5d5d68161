package dev.mcpworkbench.inspector.rules;

import java.util.List;
import java.util.Objects;

/**
 * One problem a rule found. {@code evidence} is the offending text with invisible characters
 * spelled out (see the rules' text utilities); {@code fix} says how to repair it.
 */
public record Finding(
        String ruleId,
        Severity severity,
        String message,
        Location location,
        String evidence,
        String fix,
        List<String> links) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        evidence = evidence == null ? "" : evidence;
        fix = fix == null ? "" : fix;
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** Stable identity used to match suppressions across scans: rule, location, not the wording. */
    public String fingerprint() {
        return ruleId + "|" + location.kind() + "|" + location.name() + "|" + location.jsonPointer();
    }
}
