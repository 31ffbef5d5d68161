package dev.mcpworkbench.app.scan;

import dev.mcpworkbench.inspector.rules.ScanContext;

/**
 * One server of a set to scan.
 *
 * @param name    what the user calls it (a saved connection's name, a configuration entry's key)
 * @param address how to reach it, in the caller's terms (a saved connection, a configuration entry)
 * @param context its own scan context: how it is reached (DRIFT-003, TRANSPORT-001), its pin and
 *                suppressions, the rule settings; the other servers are added by the scan
 */
public record ServerToScan<T>(String name, T address, ScanContext context) {
}
