package dev.mcpworkbench.app.auth;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.RuleDocs;
import dev.mcpworkbench.inspector.rules.Severity;
import dev.mcpworkbench.inspector.rules.oauth.FlowRule;
import dev.mcpworkbench.inspector.rules.oauth.OAuthRules;
import dev.mcpworkbench.oauth.check.OAuthFinding;
import java.util.List;
import java.util.Optional;

/**
 * Turns the authorization flow's findings into inspector findings, with what the catalog says of
 * the rule: a FAIL takes the rule's severity (high for every OAUTH rule that can fail), a WARN is
 * medium and an INFO info; the fix and the links (doc page, OWASP) come from the rule. An id the
 * catalog does not know still becomes a finding (FAIL high), so nothing the flow saw is lost.
 */
public final class OAuthFindingMapper {

    private OAuthFindingMapper() {
    }

    public static Finding toFinding(OAuthFinding f) {
        Optional<FlowRule> rule = OAuthRules.byId(f.ruleId());
        Severity severity = switch (f.verdict()) {
            case FAIL -> rule.map(r -> r.metadata().defaultSeverity()).orElse(Severity.HIGH);
            case WARN -> Severity.MEDIUM;
            case INFO -> Severity.INFO;
        };
        String step = f.step() == null ? "" : f.step().title();
        String fix = rule.map(FlowRule::fix).orElse("");
        List<String> links = rule.map(r -> RuleDocs.links(r.metadata())).orElse(List.of());
        return new Finding(f.ruleId(), severity, f.message(), new Location(Location.Kind.AUTHORIZATION, step, ""),
                f.evidence(), fix, links);
    }

    public static List<Finding> toFindings(List<OAuthFinding> findings) {
        return findings.stream().map(OAuthFindingMapper::toFinding).toList();
    }
}
