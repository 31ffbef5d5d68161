package dev.mcpworkbench.inspector.rules;

import java.util.List;

/**
 * What a static scan produced.
 *
 * @param findings   active findings, worst first, then by location
 * @param suppressed findings a suppression accepted
 * @param summary    counts, tool-list tokens and schema tightness
 * @param rules      the rules that ran (for reports that describe them)
 * @param errors     rules that failed on this snapshot (rule id: reason) and lists the server failed to
 *                   answer; a scan never aborts for one rule. Masked like findings (a server's error
 *                   message may quote a credential)
 * @param servers    for a report of several servers, one section per server in order (reports then
 *                   show a table of the servers, a Workspace section and a section per server);
 *                   empty for one server, whose report stays as it always was
 */
public record ScanResult(List<Finding> findings, List<SuppressedFinding> suppressed, ScanSummary summary,
                         List<Rule> rules, List<String> errors, List<ServerSection> servers) {

    public ScanResult {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        rules = List.copyOf(rules);
        errors = errors.stream().map(Finding::kept).toList();
        servers = servers == null ? List.of() : List.copyOf(servers);
    }

    public ScanResult(List<Finding> findings, List<SuppressedFinding> suppressed, ScanSummary summary,
                      List<Rule> rules, List<String> errors) {
        this(findings, suppressed, summary, rules, errors, List.of());
    }

    public ScanResult withErrors(List<String> value) {
        return new ScanResult(findings, suppressed, summary, rules, value, servers);
    }

    public ScanResult withServers(List<ServerSection> value) {
        return new ScanResult(findings, suppressed, summary, rules, errors, value);
    }

    /** The findings that needed several servers to be seen, in order (a multi-server report's Workspace section). */
    public List<Finding> workspaceFindings() {
        return findings.stream().filter(Finding::acrossServers).toList();
    }

    public List<SuppressedFinding> workspaceSuppressed() {
        return suppressed.stream().filter(s -> s.finding().acrossServers()).toList();
    }

    /** True when an active finding is at {@code threshold} or worse. */
    public boolean hasFindingsAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
    }

    public List<Finding> findingsOf(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** One result for several scans (a client config's entries): findings together, counts summed. */
    public static ScanResult combine(String name, List<ScanResult> results) {
        List<Finding> findings = new java.util.ArrayList<>();
        List<SuppressedFinding> suppressed = new java.util.ArrayList<>();
        List<String> errors = new java.util.ArrayList<>();
        int tools = 0;
        int tokens = 0;
        for (ScanResult r : results) {
            findings.addAll(r.findings());
            suppressed.addAll(r.suppressed());
            errors.addAll(r.errors());
            tools += r.summary().toolCount();
            tokens += r.summary().toolListTokens();
        }
        List<Rule> rules = results.isEmpty() ? List.of() : results.get(0).rules();
        ScanSummary summary = ScanSummary.of(name, "", tools, findings, suppressed.size(), tokens, 1.0);
        return new ScanResult(findings, suppressed, summary, rules, errors);
    }
}
