package dev.mcpworkbench.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.auth.OAuthFindingMapper;
import dev.mcpworkbench.app.auth.OAuthHttpAuthorization;
import dev.mcpworkbench.app.cli.auth.CliLogging;
import dev.mcpworkbench.app.cli.auth.ElicitationPolicy;
import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.McpConnectionException;
import dev.mcpworkbench.inspector.connect.RequestOptions;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import dev.mcpworkbench.oauth.metadata.ResourceUris;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcp-workbench connect URL}: connects to a Streamable HTTP server with the workbench's own
 * client, running the OAuth flow when it answers 401, lists its tools and optionally calls one.
 * Tokens stay in memory. What it prints is what the server sent.
 */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Connect to a remote MCP server (authorizing with OAuth when it asks), list its tools, optionally call one.")
public final class ConnectCommand implements Callable<Integer> {

    // Created on first use: picocli instantiates every subcommand to build the command line, and a
    // mapper made up front cost every other command (scan, --help) about 140 ms of start-up.
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    @Parameters(index = "0", paramLabel = "URL", description = "The server's Streamable HTTP endpoint.")
    String url;

    @Mixin
    AuthOptions authOptions;

    @Option(names = "--call", paramLabel = "TOOL", description = "Call this tool after listing.")
    String call;

    @Option(names = "--args", paramLabel = "JSON", defaultValue = "{}", description = "Arguments for --call, a JSON object.")
    String args;

    @Option(names = "--elicitation", paramLabel = "decline|cancel|accept-defaults", defaultValue = "decline",
            description = "How to answer the server's elicitation requests.")
    String elicitation;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds per request (and for the authorization callback).")
    int timeoutSeconds;

    @Option(names = "--protocol-version", paramLabel = "VERSION",
            description = "Speak this MCP revision. Default: " + ConnectOptions.LATEST_PROTOCOL_VERSION + ", negotiated with initialize. "
                    + "2026-07-28 uses the stateless lifecycle (server/discover, no initialize).")
    String protocolVersion;

    @Option(names = "--grant", paramLabel = "authorization-code|client-credentials", defaultValue = "authorization-code",
            description = "How to get tokens when the server asks for authorization: the authorization code flow (a person "
                    + "approves), or the client credentials grant (a machine client; needs --client-id and --client-secret).")
    String grant;

    @Option(names = "--json", description = "Print the result (server, tools, call result, findings) as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CliLogging.quietUnlessConfigured();
        PrintWriter err = Terminal.err(spec);
        URI server;
        JsonNode callArgs;
        ElicitationPolicy policy;
        try {
            server = parseServer(url);
            callArgs = Json.MAPPER.readTree(args);
            if (!callArgs.isObject()) throw new IllegalArgumentException("--args must be a JSON object");
            policy = ElicitationPolicy.parse(elicitation);
            authOptions.validate();
            if (!grant.equals("authorization-code") && !grant.equals("client-credentials")) {
                throw new IllegalArgumentException("--grant takes authorization-code or client-credentials, not '" + grant + "'");
            }
        } catch (Exception e) {
            err.println("mcp-workbench connect: " + oneLine(e.getMessage()));
            return 2;
        }
        FlowTrace trace = new FlowTrace();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        try (OAuthSession session = authOptions.session(server, err, timeout, trace, grant.equals("client-credentials"))) {
            // The probe is an initialize request, which the stateless lifecycle (2026-07-28) does not
            // have: there the first real request meets the 401 and the connection's hook authorizes.
            boolean stateless = protocolVersion != null && ConnectOptions.defaults().withProtocolVersion(protocolVersion).statelessLifecycle();
            if (!stateless) {
                try {
                    session.probeAndAuthorize();
                } catch (FlowException e) {
                    return fail(err, e.getMessage(), trace);
                }
            }
            return connect(server, session, callArgs, policy, trace, err);
        }
    }

    private int connect(URI server, OAuthSession session, JsonNode callArgs, ElicitationPolicy policy, FlowTrace trace,
                        PrintWriter err) {
        OAuthHttpAuthorization authorization = AuthOptions.authorization(session);
        ConnectOptions options = ConnectOptions.defaults()
                .withConnectTimeout(Duration.ofSeconds(timeoutSeconds))
                .withRequestTimeout(Duration.ofSeconds(timeoutSeconds))
                .withClientInfo("mcp-workbench", version())
                .withRequestHandler(policy.handler())
                .withAuthorization(authorization);
        if (protocolVersion != null) options = options.withProtocolVersion(protocolVersion);
        try (McpConnection connection = McpConnection.open(new ServerTarget.StreamableHttp(server, Map.of()), options)) {
            List<JsonNode> tools = connection.hasCapability("tools") ? connection.listTools() : List.of();
            JsonNode result = call == null ? null : connection.callTool(call, callArgs, RequestOptions.DEFAULT).await();
            print(connection.initializeResult(), tools, result, session, trace);
            if (result != null && result.path("isError").asBoolean(false)) {
                err.println("mcp-workbench connect: tool " + call + " reported an error");
                return 2;
            }
            return 0;
        } catch (McpConnectionException | RuntimeException e) {
            String reason = session.lastFailure() != null ? session.lastFailure() : describe(e);
            return fail(err, reason, trace);
        }
    }

    private void print(ObjectNode init, List<JsonNode> tools, JsonNode result, OAuthSession session, FlowTrace trace) {
        PrintWriter out = Terminal.out(spec);
        List<Finding> findings = OAuthFindingMapper.toFindings(trace.findings());
        if (json) {
            out.println(ConnectJson.render(init, tools, result, session, findings));
        } else {
            ConnectSummary.print(out, url, init, tools, call, result, session, findings);
        }
        out.flush();
    }

    private int fail(PrintWriter err, String reason, FlowTrace trace) {
        err.println("mcp-workbench connect: " + oneLine(reason));
        trace.findings().stream().filter(f -> f.verdict() == dev.mcpworkbench.oauth.check.Verdict.FAIL)
                .forEach(f -> err.println("  " + f.ruleId() + " " + oneLine(f.message())));
        err.flush();
        return 2;
    }

    static URI parseServer(String text) {
        URI uri = URI.create(text.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the URL must be http(s): " + text);
        }
        ResourceUris.canonical(uri);
        return uri;
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        String message = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
                if (t instanceof McpConnectionException) break; // already one line a person can read
            }
            t = t.getCause();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    static String oneLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        String flat = text.replaceAll("[\\r\\n\\t]+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    private static String version() {
        String v = ConnectCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The {@code --json} rendering: the server's own JSON for server, tools and call result. */
    static final class ConnectJson {
        private ConnectJson() {
        }

        static String render(ObjectNode init, List<JsonNode> tools, JsonNode result, OAuthSession session, List<Finding> findings) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.set("server", init.path("serverInfo").isMissingNode() ? Json.MAPPER.nullNode() : init.get("serverInfo"));
            root.set("protocolVersion", init.path("protocolVersion").isMissingNode() ? Json.MAPPER.nullNode() : init.get("protocolVersion"));
            root.putArray("tools").addAll(tools);
            if (result != null) {
                root.set("callResult", result);
            }
            session.current().ifPresent(r -> {
                ObjectNode a = root.putObject("authorization");
                a.put("issuer", r.authorizationServer().issuer());
                a.put("client", r.client().toString());
                a.put("resource", r.resource().toString());
                a.put("scopes", String.join(" ", r.requestedScopes()));
            });
            var list = root.putArray("findings");
            findings.forEach(f -> list.addObject().put("ruleId", f.ruleId()).put("severity", f.severity().label())
                    .put("message", f.message()).put("evidence", f.evidence()).put("step", f.location().name()));
            return root.toPrettyString();
        }
    }
}
