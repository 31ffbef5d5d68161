package dev.mcpworkbench.inspector.rules.dynamic;

import dev.mcpworkbench.inspector.rules.Category;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.Location;
import dev.mcpworkbench.inspector.rules.RuleMetadata;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * TRANSPORT-002: an HTTP server that serves a request from a foreign Origin (DNS rebinding lets
 * any web page do that to a local server), allows any origin by CORS, or listens on every
 * interface although it was configured for loopback.
 */
public final class OriginNotCheckedRule implements SessionRule {

    static final String EVIL_ORIGIN = "http://evil.invalid";

    private static final RuleMetadata METADATA = new RuleMetadata("TRANSPORT-002", "Origin not checked", Category.TRANSPORT,
            Severity.HIGH, List.of("MCP07", "MCP09"),
            "The MCP spec requires Streamable HTTP servers to validate Origin: without it, a web page the user "
                    + "visits can rebind a hostname to 127.0.0.1 and drive the local server with the user's privileges.",
            true);

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(SessionEvidence evidence, RuleSettings settings) {
        SessionEvidence.OriginProbeResult o = evidence.origin();
        if (o == null) return List.of();
        List<Finding> out = new ArrayList<>();
        if (o.status() >= 200 && o.status() < 300) {
            out.add(finding(o, "accepted an initialize request with Origin: " + EVIL_ORIGIN + " (HTTP " + o.status() + ", expected 403)",
                    "HTTP " + o.status(), "Reject requests whose Origin header is present and not in your allowlist with 403."));
        }
        for (String header : List.of(o.allowOrigin(), o.preflightAllowOrigin())) {
            if (header.equals("*") || header.equalsIgnoreCase(EVIL_ORIGIN)) {
                out.add(finding(o, "answers CORS with Access-Control-Allow-Origin: " + header,
                        "Access-Control-Allow-Origin: " + header, "Do not enable CORS for the MCP endpoint, or allow only known origins; never reflect the request's Origin."));
                break;
            }
        }
        if (o.reachableOnOtherInterface()) {
            out.add(finding(o, "is also reachable on " + o.otherAddress() + ": bound to all interfaces",
                    o.otherAddress(), "Bind local servers to 127.0.0.1 only."));
        }
        return out;
    }

    private Finding finding(SessionEvidence.OriginProbeResult o, String what, String evidence, String fix) {
        return new Finding(id(), Severity.HIGH, "The server at " + o.endpoint() + " " + what,
                new Location(Location.Kind.TRANSPORT, o.endpoint(), ""), evidence, fix, List.of(metadata().docPath()));
    }
}
