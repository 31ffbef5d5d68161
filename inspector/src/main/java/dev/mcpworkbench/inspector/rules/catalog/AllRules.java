package dev.mcpworkbench.inspector.rules.catalog;

import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.dynamic.DynamicRuleRegistry;
import dev.mcpworkbench.inspector.rules.oauth.OAuthRules;
import dev.mcpworkbench.inspector.rules.skills.SkillRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole catalog: static rules (on a snapshot), dynamic rules (on live tool calls and sessions),
 * skill rules (on skills loaded through the skills extension) and flow rules (OAUTH, on the
 * authorization flow), in that order. Each family keeps its own
 * explicit registry; this is the one place that joins them, for reports, the rule browser, rule
 * settings and the contract test. It lives in its own package so the engine never imports a rule.
 */
public final class AllRules {

    private static final List<Rule> ALL = build();
    private static final Map<String, Rule> BY_ID = index(ALL);

    private AllRules() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static Optional<RuleMetadata> metadata(String id) {
        return byId(id).map(Rule::metadata);
    }

    private static List<Rule> build() {
        List<Rule> rules = new ArrayList<>(StaticRules.all());
        rules.addAll(DynamicRuleRegistry.standard().all());
        rules.addAll(SkillRules.all());
        rules.addAll(OAuthRules.all());
        return List.copyOf(rules);
    }

    private static Map<String, Rule> index(List<Rule> rules) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule r : rules) byId.putIfAbsent(r.id(), r);
        return byId;
    }
}
