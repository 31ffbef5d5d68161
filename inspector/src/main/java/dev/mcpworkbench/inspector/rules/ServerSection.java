package dev.mcpworkbench.inspector.rules;

import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.List;

/**
 * One server of a report covering several: what it is, where it came from and what was found on
 * it. Its {@code result} holds every finding made on it; {@link #ownFindings()} leaves out those
 * that needed the other servers to be seen, which a report shows once, in its Workspace section.
 *
 * @param name          the server's name in the report (findings' locations start with it)
 * @param source        where it was read or configured: a snapshot file, a client config file and entry
 * @param transport     {@code stdio}, {@code http}, {@code snapshot}, or {@code config} when not connected
 * @param toolCount     tools listed (0 when it was not reached)
 * @param resourceCount resources listed
 * @param promptCount   prompts listed
 * @param result        what was found on it (a client config entry's own checks included)
 * @param error         why it could not be connected or read, or null when it was scanned
 */
public record ServerSection(String name, String source, String transport, int toolCount, int resourceCount, int promptCount,
                            ScanResult result, String error) {

    public ServerSection {
        name = Finding.kept(name == null ? "" : name);
        source = Finding.kept(source == null ? "" : source);
        transport = transport == null ? "" : transport;
        error = error == null ? null : Finding.kept(error);
    }

    /** A server that was read or connected and scanned. */
    public static ServerSection scanned(String name, String source, String transport, ServerSnapshot snapshot, ScanResult result) {
        return new ServerSection(name, source, transport, snapshot.tools().size(), snapshot.resources().size(), snapshot.prompts().size(),
                result, null);
    }

    /** A server that could not be connected or read: its section says why, with what was checked without it. */
    public static ServerSection failed(String name, String source, String transport, ScanResult checked, String error) {
        return new ServerSection(name, source, transport, 0, 0, 0, checked, error);
    }

    /** The findings about this server alone. */
    public List<Finding> ownFindings() {
        return result == null ? List.of() : result.findings().stream().filter(f -> !f.acrossServers()).toList();
    }

    public List<SuppressedFinding> ownSuppressed() {
        return result == null ? List.of() : result.suppressed().stream().filter(s -> !s.finding().acrossServers()).toList();
    }

    /** Active findings about this server alone at {@code severity}. */
    public int count(Severity severity) {
        int n = 0;
        for (Finding f : ownFindings()) if (f.severity() == severity) n++;
        return n;
    }

    public boolean scanned() {
        return error == null;
    }

    /** {@code github (snapshot corpus/github.json): 3 high, 2 medium findings (26 tools)}, or why it was not scanned. */
    public String oneLine() {
        String where = name + " (" + transport + (source.isEmpty() ? "" : " " + source) + ")";
        if (!scanned()) return where + ": not scanned: " + error;
        StringBuilder b = new StringBuilder();
        int total = 0;
        for (Severity s : Severity.values()) {
            int n = count(s);
            total += n;
            if (n == 0) continue;
            if (b.length() > 0) b.append(", ");
            b.append(n).append(' ').append(s.label());
        }
        String what = total == 0 ? "no findings" : b + (total == 1 ? " finding" : " findings");
        return where + ": " + what + " (" + toolCount + (toolCount == 1 ? " tool)" : " tools)");
    }
}
