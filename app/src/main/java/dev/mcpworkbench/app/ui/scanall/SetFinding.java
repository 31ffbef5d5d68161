package dev.mcpworkbench.app.ui.scanall;

import dev.mcpworkbench.app.ui.findings.FindingItem;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;

/**
 * One finding of the set: the server it is about, the finding as that server alone would locate
 * it (so its definition can be shown), and that server's snapshot.
 */
public record SetFinding(String server, FindingItem item, ServerSnapshot snapshot) {
}
