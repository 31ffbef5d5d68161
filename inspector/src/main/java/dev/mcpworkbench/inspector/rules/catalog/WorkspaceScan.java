package dev.mcpworkbench.inspector.rules.catalog;

import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.Scanner;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans the servers of one workspace (a client configuration's entries, several servers an agent
 * has connected at once) so each is judged knowing the others: the cross-server rules (DOCS-002
 * shadowing, POISON-005 references, SURFACE-006 flows across servers, SURFACE-002's workspace
 * budget) only fire when {@link ScanContext#otherServers()} is filled in.
 */
public final class WorkspaceScan {

    private WorkspaceScan() {
    }

    /** One result per server, in order; {@code contexts.get(i)} is server i's own context (target, pin...). */
    public static List<ScanResult> scan(List<ServerSnapshot> servers, List<ScanContext> contexts) {
        if (servers.size() != contexts.size()) throw new IllegalArgumentException("one context per server");
        List<ScanResult> results = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            List<ServerSnapshot> others = new ArrayList<>(servers);
            others.remove(i);
            results.add(Scanner.scan(servers.get(i), contexts.get(i).withOtherServers(others), StaticRules.all()));
        }
        return results;
    }
}
