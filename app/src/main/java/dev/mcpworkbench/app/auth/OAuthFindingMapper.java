package dev.mcpworkbench.app.auth;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.oauth.check.OAuthFinding;
import java.util.List;

/** Turns the authorization flow's findings into inspector findings (F high, W medium, I info). */
public final class OAuthFindingMapper {

    private OAuthFindingMapper() {
    }

    public static Finding toFinding(OAuthFinding f) {
        Severity severity = switch (f.verdict()) {
            case FAIL -> Severity.HIGH;
            case WARN -> Severity.MEDIUM;
            case INFO -> Severity.INFO;
        };
        String step = f.step() == null ? "" : f.step().title();
        return new Finding(f.ruleId(), severity, f.message(), new Location(Location.Kind.AUTHORIZATION, step, ""),
                f.evidence(), "", List.of());
    }

    public static List<Finding> toFindings(List<OAuthFinding> findings) {
        return findings.stream().map(OAuthFindingMapper::toFinding).toList();
    }
}
