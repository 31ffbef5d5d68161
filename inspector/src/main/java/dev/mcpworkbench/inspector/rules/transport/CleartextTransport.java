package dev.mcpworkbench.inspector.rules.transport;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.ConnectionTarget;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** TRANSPORT-001: MCP traffic (and bearer tokens) over plain HTTP, or over outdated TLS. */
public final class CleartextTransport implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("TRANSPORT-001", "Cleartext or weak TLS", Category.TRANSPORT,
            Severity.HIGH, List.of("MCP07"),
            "Over http:// anyone on the path reads tool calls, results and bearer tokens and can rewrite tool definitions; TLS below 1.2 is breakable.");

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        ConnectionTarget target = s.context().target();
        if (target == null || target.url() == null || target.isStdio()) return List.of();
        Location where = new Location(Location.Kind.TRANSPORT, target.url(), "");
        URI uri;
        try {
            uri = URI.create(target.url().trim());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") || scheme.equals("ws")) && !ConnectionTarget.isLoopback(uri.getHost())) {
            return List.of(RuleSupport.finding(META, Severity.HIGH,
                    "The server is reached over cleartext " + scheme + ":// at " + uri.getHost(), where, target.url(),
                    "Serve MCP over https:// only (TLS 1.2 or later); plain http is acceptable only on loopback."));
        }
        String tls = target.tlsProtocol();
        if (tls != null && (tls.equals("TLSv1") || tls.equals("TLSv1.1") || tls.startsWith("SSL"))) {
            return List.of(RuleSupport.finding(META, Severity.HIGH, "The connection negotiated " + tls, where, tls,
                    "Disable TLS 1.0/1.1 on the server; require TLS 1.2 or 1.3."));
        }
        return List.of();
    }
}
