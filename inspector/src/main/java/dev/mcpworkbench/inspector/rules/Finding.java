package dev.mcpworkbench.inspector.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.mcpworkbench.inspector.payload.WellFormedText;
import dev.mcpworkbench.inspector.payload.scan.SecretRedactor;
import java.util.List;
import java.util.Objects;

/**
 * One problem a rule found. {@code evidence} is the offending text with invisible characters
 * spelled out (see the rules' text utilities); {@code fix} says how to repair it. Message, evidence
 * and fix pass through {@link SecretRedactor} and {@link WellFormedText} here, at the one place
 * every finding is made.
 *
 * <p>{@code scope} says whether the finding is about this server alone or needed the other servers
 * of a workspace to be seen (a report of several servers shows those in its Workspace section). It
 * is not part of the finding's JSON: the finding model as exported stays what it was.
 */
public record Finding(
        String ruleId,
        Severity severity,
        String message,
        Location location,
        String evidence,
        String fix,
        List<String> links,
        @JsonIgnore Scope scope) {

    /** What a finding is about. */
    public enum Scope {
        /** this server alone: found the same way when it is scanned on its own */
        SERVER,
        /** this server seen next to the others of its workspace (a tool shadowing another server's, a flow across servers) */
        ACROSS_SERVERS,
        /** the workspace as a whole (the token budget of all servers together): the same fact from every server's side */
        WORKSPACE
    }

    /** A finding about this server alone. */
    public Finding(String ruleId, Severity severity, String message, Location location, String evidence, String fix,
                   List<String> links) {
        this(ruleId, severity, message, location, evidence, fix, links, Scope.SERVER);
    }

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        message = kept(message);
        evidence = evidence == null ? "" : kept(evidence);
        fix = fix == null ? "" : kept(fix);
        links = links == null ? List.of() : List.copyOf(links);
        scope = scope == null ? Scope.SERVER : scope;
    }

    public Finding withScope(Scope value) {
        return new Finding(ruleId, severity, message, location, evidence, fix, links, value);
    }

    public Finding withLocation(Location value) {
        return new Finding(ruleId, severity, message, value, evidence, fix, links, scope);
    }

    /** True when the finding needed other servers to be seen (see {@link Scope}). */
    public boolean acrossServers() {
        return scope != Scope.SERVER;
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
