/**
 * Scanning a set of servers together, as {@code scan --config --connect} and the desktop's Scan
 * all do: each server reached in turn (cancellable, each within its own time limit), listed, and
 * then every server judged with the static rules knowing the others, so the cross-server rules
 * (shadowing, tool-name collisions, toxic flows) see the whole set. Shared by {@code app/cli} and
 * {@code app/ui}; no JavaFX, no printing.
 */
package dev.mcpworkbench.app.scan;
