package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.rules.suppress.Suppression;

/** A finding that matched a suppression: still reported, marked accepted, with the reason. */
public record SuppressedFinding(Finding finding, Suppression suppression) {
}
