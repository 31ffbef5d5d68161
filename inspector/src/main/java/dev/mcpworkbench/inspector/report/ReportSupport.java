package dev.mcpworkbench.inspector.report;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.ScanResult;
import dev.mcpworkbench.inspector.rules.SuppressedFinding;
import dev.mcpworkbench.inspector.rules.catalog.AllRules;
import dev.mcpworkbench.inspector.rules.ServerSection;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the report writers share: rule lookup by id, ordering. */
final class ReportSupport {

    private ReportSupport() {
    }

    /**
     * Metadata of every rule that ran, then of every other rule a finding names (a dynamic or OAUTH
     * finding merged into a static scan), looked up in the catalog so it gets a full entry too.
     */
    static Map<String, RuleMetadata> rules(ScanResult result) {
        Map<String, RuleMetadata> byId = new LinkedHashMap<>();
        for (Rule r : result.rules()) byId.put(r.id(), r.metadata());
        for (Finding f : allFindings(result)) {
            if (!byId.containsKey(f.ruleId())) AllRules.metadata(f.ruleId()).ifPresent(m -> byId.put(m.id(), m));
        }
        return byId;
    }

    static List<Finding> allFindings(ScanResult result) {
        List<Finding> all = new ArrayList<>(result.findings());
        for (SuppressedFinding s : result.suppressed()) all.add(s.finding());
        return all;
    }

    /**
     * In a report of several servers, the name of the server each finding (active or suppressed) is
     * on, by identity; empty for a report of one server.
     */
    static Map<Finding, String> serverOf(ScanResult result) {
        if (result.servers().isEmpty()) return Map.of();
        Map<Finding, String> servers = new IdentityHashMap<>();
        for (ServerSection server : result.servers()) {
            if (server.result() == null) continue;
            for (Finding f : server.result().findings()) servers.put(f, server.name());
            for (SuppressedFinding s : server.result().suppressed()) servers.put(s.finding(), server.name());
        }
        return servers;
    }

    /** {@code server}, {@code across-servers} or {@code workspace}: see {@link Finding.Scope}. */
    static String scope(Finding f) {
        return switch (f.scope()) {
            case SERVER -> "server";
            case ACROSS_SERVERS -> "across-servers";
            case WORKSPACE -> "workspace";
        };
    }

    /** {@code 3 servers in this report, 1 not scanned}. */
    static String serversLine(ScanResult result) {
        long failed = result.servers().stream().filter(s -> !s.scanned()).count();
        return counted(result.servers().size(), "server") + " in this report" + (failed == 0 ? "" : ", " + failed + " not scanned");
    }

    /** {@code 1 tool}, {@code 3 tools}. */
    static String counted(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String title(Map<String, RuleMetadata> rules, String id) {
        RuleMetadata m = rules.get(id);
        return m == null ? id : m.title();
    }
}
