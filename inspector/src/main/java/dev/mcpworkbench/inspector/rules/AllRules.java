package dev.mcpworkbench.inspector.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every rule of the catalog, static and dynamic, for reports and the rule browser. Each family
 * keeps its own explicit registry; this only concatenates them.
 */
public final class AllRules {

    private AllRules() {
    }

    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>(StaticRules.all());
        // dynamic rules (rules/dynamic) are appended here by their registry
        return List.copyOf(rules);
    }

    public static Optional<Rule> byId(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
