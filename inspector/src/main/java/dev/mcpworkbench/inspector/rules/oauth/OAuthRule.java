package dev.mcpworkbench.inspector.rules.oauth;

import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.List;

/**
 * What the OAUTH rules share: category, "needs a live server" and a fix line. Each subclass is one
 * catalog id and declares only its own metadata.
 */
abstract class OAuthRule implements FlowRule {

    private final RuleMetadata metadata;
    private final String fix;

    OAuthRule(String id, String title, Severity severity, List<String> owaspIds, String rationale, String fix) {
        // dynamic: the flow talks to a live server and authorization server, nothing is read from a snapshot
        this.metadata = new RuleMetadata(id, title, Category.OAUTH, severity, owaspIds, rationale, true);
        this.fix = fix;
    }

    @Override
    public final RuleMetadata metadata() {
        return metadata;
    }

    @Override
    public final String fix() {
        return fix;
    }

    @Override
    public String toString() {
        return metadata.id();
    }
}
