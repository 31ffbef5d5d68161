package dev.mcpworkbench.app.cli;

import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** The short human summary {@code connect} prints. Tokens are never printed, only masked. */
final class ConnectSummary {

    private static final int MAX_RESULT_CHARS = 2000;

    private ConnectSummary() {
    }

    static void print(PrintWriter out, String url, McpSchema.InitializeResult init, List<McpSchema.Tool> tools, String call,
                      McpSchema.CallToolResult result, OAuthSession session, List<Finding> findings) {
        McpSchema.Implementation info = init.serverInfo();
        out.printf("Connected to %s %s at %s (protocol %s)%n", info == null ? "?" : info.name(),
                info == null ? "" : info.version(), url, init.protocolVersion());
        session.current().ifPresentOrElse(r -> {
            out.printf("Authorized by %s as %s%n", r.authorizationServer().issuer(), r.client());
            out.printf("  resource %s, scopes [%s], token %s%n", r.resource(), String.join(" ", r.requestedScopes()), r.tokens());
        }, () -> out.println("No authorization needed"));
        if (init.capabilities() == null || init.capabilities().tools() == null) {
            out.println("Tools: the server declares no tools capability");
        } else {
            out.printf("Tools (%d): %s%n", tools.size(), tools.stream().map(McpSchema.Tool::name).collect(Collectors.joining(", ")));
        }
        if (result != null) {
            out.printf("Called %s%s: %s%n", call, Boolean.TRUE.equals(result.isError()) ? " (error)" : "", text(result));
        }
        if (!findings.isEmpty()) {
            out.printf("Authorization findings (%d):%n", findings.size());
            findings.forEach(f -> out.printf("  %-9s %-6s %s%s%n", f.ruleId(), f.severity().label(), f.message(),
                    f.evidence().isEmpty() ? "" : " [" + f.evidence() + "]"));
        }
    }

    private static String text(McpSchema.CallToolResult result) {
        String joined = result.content() == null ? "" : result.content().stream()
                .map(c -> c instanceof McpSchema.TextContent t ? t.text() : "[" + c.type() + "]")
                .collect(Collectors.joining(" "));
        return joined.length() > MAX_RESULT_CHARS ? joined.substring(0, MAX_RESULT_CHARS) + "..." : joined;
    }
}
