package dev.mcpworkbench.inspector.rules.catalog;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.Scanner;
import dev.mcpworkbench.inspector.rules.SuppressedFinding;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scans the servers of one workspace (a client configuration's entries, several snapshots, several
 * servers an agent has connected at once) so each is judged knowing the others: the cross-server
 * rules (DOCS-002 shadowing, POISON-005 references, SURFACE-006 flows across servers, SURFACE-002's
 * workspace budget) only fire when {@link ScanContext#otherServers()} is filled in.
 *
 * <p>The results are meant to be read together (one report for the workspace), where a bare tool
 * name no longer says whose tool it is: every finding's location name is prefixed with its
 * server's name, {@code server/tool} ({@code server} alone for server-level findings). Suppressions
 * are matched before the prefix, so those written for a server scanned alone still apply. A finding
 * about the workspace as a whole is kept once (see {@link #onceForTheWorkspace}).
 */
public final class WorkspaceScan {

    private WorkspaceScan() {
    }

    /** One result per server, in order; {@code contexts.get(i)} is server i's own context (target, pin...). */
    public static List<ScanResult> scan(List<ServerSnapshot> servers, List<ScanContext> contexts) {
        return scan(servers, contexts, labels(servers));
    }

    /**
     * As {@link #scan(List, List)}, with the names the user gave the servers (saved connections'
     * names, which are distinct) as the location prefixes instead of their serverInfo names.
     */
    public static List<ScanResult> scan(List<ServerSnapshot> servers, List<ScanContext> contexts, List<String> labels) {
        if (servers.size() != contexts.size() || servers.size() != labels.size()) {
            throw new IllegalArgumentException("one context and one label per server");
        }
        List<ScanResult> results = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            List<ServerSnapshot> others = new ArrayList<>(servers);
            others.remove(i);
            ScanResult result = Scanner.scan(servers.get(i), contexts.get(i).withOtherServers(others), StaticRules.all());
            results.add(labelled(labels.get(i), result));
        }
        return onceForTheWorkspace(results);
    }

    /** The location of a finding about the workspace as a whole, which no one server owns. */
    public static final String WORKSPACE = "workspace";

    /**
     * A finding about the workspace as a whole (SURFACE-002's budget of all servers together) is
     * the same fact from every server's side: it is kept once, with the first server that raised
     * it, located on the workspace rather than on that server. Scanned alone with others as
     * context (as a caller judging one server does), a server still gets it.
     */
    private static List<ScanResult> onceForTheWorkspace(List<ScanResult> results) {
        Set<String> seen = new HashSet<>();
        List<ScanResult> out = new ArrayList<>(results.size());
        for (ScanResult r : results) {
            List<Finding> findings = new ArrayList<>(r.findings().size());
            for (Finding f : r.findings()) {
                if (f.scope() != Finding.Scope.WORKSPACE) findings.add(f);
                else if (seen.add("active|" + workspaceKey(f))) findings.add(f.withLocation(workspaceLocation(f)));
            }
            List<SuppressedFinding> suppressed = new ArrayList<>(r.suppressed().size());
            for (SuppressedFinding s : r.suppressed()) {
                Finding f = s.finding();
                if (f.scope() != Finding.Scope.WORKSPACE) suppressed.add(s);
                else if (seen.add("suppressed|" + workspaceKey(f))) suppressed.add(new SuppressedFinding(f.withLocation(workspaceLocation(f)), s.suppression()));
            }
            boolean workspaceWide = r.findings().stream().anyMatch(f -> f.scope() == Finding.Scope.WORKSPACE)
                    || r.suppressed().stream().anyMatch(s -> s.finding().scope() == Finding.Scope.WORKSPACE);
            out.add(workspaceWide ? new ScanResult(findings, suppressed, r.summary(), r.rules(), r.errors()) : r);
        }
        return out;
    }

    private static String workspaceKey(Finding f) {
        return f.ruleId() + "|" + f.severity() + "|" + f.message() + "|" + f.evidence();
    }

    private static Location workspaceLocation(Finding f) {
        return new Location(f.location().kind(), WORKSPACE, f.location().jsonPointer());
    }

    /**
     * A distinct name per server: its serverInfo name (its snapshot's source when it gave none),
     * with " (2)", " (3)"... when servers share one, as two copies of one server do.
     */
    public static List<String> labels(List<ServerSnapshot> servers) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> labels = new ArrayList<>();
        for (ServerSnapshot server : servers) {
            String name = server.serverName().isBlank() ? String.valueOf(server.source()) : server.serverName();
            int n = seen.merge(name, 1, Integer::sum);
            labels.add(n == 1 ? name : name + " (" + n + ")");
        }
        return labels;
    }

    private static ScanResult labelled(String server, ScanResult result) {
        List<Finding> findings = result.findings().stream().map(f -> labelled(server, f)).toList();
        List<SuppressedFinding> suppressed = result.suppressed().stream()
                .map(s -> new SuppressedFinding(labelled(server, s.finding()), s.suppression())).toList();
        List<String> errors = result.errors().stream().map(e -> server + ": " + e).toList();
        return new ScanResult(findings, suppressed, result.summary(), result.rules(), errors);
    }

    private static Finding labelled(String server, Finding f) {
        Location at = f.location();
        String name = at.name().isEmpty() ? server : server + "/" + at.name();
        return f.withLocation(new Location(at.kind(), name, at.jsonPointer()));
    }
}
