package dev.mcpworkbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The short human summary {@code connect} prints. Tokens are never printed, only masked. */
final class ConnectSummary {

    private static final int MAX_RESULT_CHARS = 2000;

    private ConnectSummary() {
    }

    static void print(PrintWriter out, String url, ObjectNode init, List<JsonNode> tools, String call,
                      JsonNode result, OAuthSession session) {
        JsonNode info = init.path("serverInfo");
        out.printf("Connected to %s %s at %s (protocol %s)%n", info.isObject() ? info.path("name").asText("?") : "?",
                info.path("version").asText(""), url, init.path("protocolVersion").asText("?"));
        session.current().ifPresentOrElse(r -> {
            out.printf("Authorized by %s as %s%n", r.authorizationServer().issuer(), r.client());
            out.printf("  resource %s, scopes [%s], token %s%n", r.resource(), String.join(" ", r.requestedScopes()), r.tokens());
            session.tokenBinding().ifPresent(binding -> out.printf("  token binding: %s%n", binding));
        }, () -> out.println("No authorization needed"));
        if (!init.path("capabilities").has("tools")) {
            out.println("Tools: the server declares no tools capability");
        } else {
            out.printf("Tools (%d): %s%n", tools.size(), tools.stream().map(t -> t.path("name").asText("?")).collect(Collectors.joining(", ")));
        }
        if (result != null) {
            out.printf("Called %s%s: %s%n", call, result.path("isError").asBoolean(false) ? " (error)" : "", text(result));
        }
    }

    /** The findings last, after everything they are about (authorization, skills). */
    static void printFindings(PrintWriter out, List<Finding> findings) {
        if (!findings.isEmpty()) {
            out.printf("Findings (%d):%n", findings.size());
            findings.forEach(f -> out.printf("  %-9s %-6s %s%s%n", f.ruleId(), f.severity().label(), f.message(),
                    f.evidence().isEmpty() ? "" : " [" + f.evidence() + "]"));
        }
    }

    private static String text(JsonNode result) {
        String joined = StreamSupport.stream(result.path("content").spliterator(), false)
                .map(c -> "text".equals(c.path("type").asText()) ? c.path("text").asText() : "[" + c.path("type").asText("?") + "]")
                .collect(Collectors.joining(" "));
        return joined.length() > MAX_RESULT_CHARS ? joined.substring(0, MAX_RESULT_CHARS) + "..." : joined;
    }
}
