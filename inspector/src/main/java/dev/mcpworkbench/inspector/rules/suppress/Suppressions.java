package dev.mcpworkbench.inspector.rules.suppress;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mcpworkbench.inspector.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The accepted findings of one connection profile; serializes with Jackson as
 * {@code {"items": [{"fingerprint": ..., "ruleId": ..., "reason": ..., "createdAt": ...}]}}.
 * Immutable: {@link #with} and {@link #without} return new values.
 */
public record Suppressions(List<Suppression> items) {

    @JsonCreator
    public Suppressions(@JsonProperty("items") List<Suppression> items) {
        this.items = items == null ? List.of() : List.copyOf(items);
    }

    public static Suppressions none() {
        return new Suppressions(List.of());
    }

    public Optional<Suppression> matching(Finding finding) {
        if (items.isEmpty()) return Optional.empty(); // most scans: no fingerprint to compute
        String fp = finding.fingerprint();
        for (Suppression s : items) {
            if (s.fingerprint().equals(fp)) return Optional.of(s);
        }
        return Optional.empty();
    }

    public Suppressions with(Suppression suppression) {
        List<Suppression> copy = new ArrayList<>(items);
        copy.removeIf(s -> s.fingerprint().equals(suppression.fingerprint()));
        copy.add(suppression);
        return new Suppressions(copy);
    }

    public Suppressions without(String fingerprint) {
        List<Suppression> copy = new ArrayList<>(items);
        copy.removeIf(s -> s.fingerprint().equals(fingerprint));
        return new Suppressions(copy);
    }
}
