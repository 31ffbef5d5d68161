package dev.mcpworkbench.inspector.rules;

import java.util.List;

/**
 * A check of the catalog. Implementations are one class per rule and declare their metadata once;
 * static rules read a server snapshot, dynamic rules read tool-call exchanges.
 */
public interface Rule {
    RuleMetadata metadata();

    default String id() {
        return metadata().id();
    }

    /** The thresholds this rule reads from {@link RuleSettings}, with their catalog defaults. */
    default List<RuleSetting> settings() {
        return List.of();
    }
}
