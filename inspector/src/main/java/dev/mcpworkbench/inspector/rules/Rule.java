package dev.mcpworkbench.inspector.rules;

/**
 * A check of the catalog. Implementations are one class per rule and declare their metadata once;
 * static rules read a server snapshot, dynamic rules read tool-call exchanges.
 */
public interface Rule {
    RuleMetadata metadata();

    default String id() {
        return metadata().id();
    }
}
