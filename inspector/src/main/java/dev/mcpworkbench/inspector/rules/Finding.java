package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.payload.WellFormedText;
import dev.mcpworkbench.inspector.payload.scan.SecretRedactor;
import java.util.List;
import java.util.Objects;

/**
 * One problem a rule found. {@code evidence} is the offending text with invisible characters
 * spelled out (see the rules' text utilities); {@code fix} says how to repair it. Message, evidence
 * and fix pass through {@link SecretRedactor} and {@link WellFormedText} here, at the one place
 * every finding is made.
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
        message = kept(message);
        evidence = evidence == null ? "" : kept(evidence);
        fix = fix == null ? "" : kept(fix);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /**
     * What a finding may keep of server-supplied text: credentials masked (the clear value is never
     * stored in a finding, so no view, report or log can show it) and lone surrogates named, so
     * every report can be encoded.
     */
    static String kept(String text) {
        return WellFormedText.of(SecretRedactor.redact(text));
    }

    /** Stable identity used to match suppressions across scans: rule, location, not the wording. */
    public String fingerprint() {
        return ruleId + "|" + location.kind() + "|" + location.name() + "|" + location.jsonPointer();
    }
}
