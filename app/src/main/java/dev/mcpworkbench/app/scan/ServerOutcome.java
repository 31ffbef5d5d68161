package dev.mcpworkbench.app.scan;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;

/**
 * What became of one server of a set.
 *
 * @param name     the server's name in the set
 * @param status   how far it got
 * @param snapshot what it listed; null unless it was reached
 * @param result   its findings, judged knowing the other servers reached; null unless it was reached
 * @param label    the prefix its findings' locations carry ({@code label/tool}); "" unless it was reached
 * @param error    why it was not reached (one line), or ""
 */
public record ServerOutcome(String name, ServerStatus status, ServerSnapshot snapshot, ScanResult result, String label,
                            String error) {

    static ServerOutcome failed(String name, ServerStatus status, String error) {
        return new ServerOutcome(name, status, null, null, "", error);
    }

    public boolean reached() {
        return snapshot != null;
    }

    /** The finding as the server alone would have it: its location without the set's {@code label/} prefix. */
    public Finding local(Finding finding) {
        Location at = finding.location();
        String name = at.name();
        if (name.equals(label)) name = "";
        else if (!label.isEmpty() && name.startsWith(label + "/")) name = name.substring(label.length() + 1);
        else return finding;
        return finding.withLocation(new Location(at.kind(), name, at.jsonPointer()));
    }
}
