package dev.mcpworkbench.app.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.cli.auth.CliLogging;
import dev.mcpworkbench.app.cli.auth.ElicitationPolicy;
import dev.mcpworkbench.app.auth.OAuthFindingMapper;
import dev.mcpworkbench.app.cli.auth.StatelessMcpClient;
import dev.mcpworkbench.app.cli.auth.AuthorizingHttpTransport;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.oauth.flow.AuthorizationAgent;
import dev.mcpworkbench.oauth.flow.BrowserAgent;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import dev.mcpworkbench.oauth.flow.HeadlessAgent;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.metadata.ResourceUris;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcp-workbench connect URL}: connects to a Streamable HTTP server, running the OAuth flow when
 * it answers 401, lists its tools and optionally calls one. Tokens stay in memory.
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

    @Option(names = "--auth", paramLabel = "browser|headless", defaultValue = "browser",
            description = "How to get through the authorization page: the system browser (default), or headless for "
                    + "authorization servers that approve without a person.")
    String auth;

    @Option(names = "--client-id", description = "A pre-registered client id.")
    String clientId;

    @Option(names = "--client-secret", description = "The pre-registered client's secret.")
    String clientSecret;

    @Option(names = "--client-metadata-url", description = "Client ID metadata document URL, used as client_id where the "
            + "authorization server supports it.")
    String clientMetadataUrl;

    @Option(names = "--serve-client-metadata", description = "Serve a generated client ID metadata document on 127.0.0.1 "
            + "and use its URL as client_id where the authorization server supports CIMD (for authorization servers on this machine).")
    boolean serveClientMetadata;

    @Option(names = "--scope", description = "Scopes to ask for (space separated), instead of the automatic choice.")
    String scope;

    @Option(names = "--callback-port", defaultValue = "0", description = "Loopback port for the redirect (0 = random).")
    int callbackPort;

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
            description = "Speak this MCP revision. Default: negotiate with initialize (up to 2025-11-25). "
                    + "2026-07-28 uses the stateless lifecycle (server/discover, no initialize).")
    String protocolVersion;

    @Option(names = "--json", description = "Print the result (server, tools, call result, findings) as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CliLogging.quietUnlessConfigured();
        PrintWriter err = spec.commandLine().getErr();
        URI server;
        Map<String, Object> callArgs;
        ElicitationPolicy policy;
        try {
            server = parseServer(url);
            callArgs = Json.MAPPER.readValue(args, new TypeReference<Map<String, Object>>() { });
            policy = ElicitationPolicy.parse(elicitation);
        } catch (Exception e) {
            err.println("mcp-workbench connect: " + oneLine(e.getMessage()));
            return 2;
        }
        FlowTrace trace = new FlowTrace();
        try (OAuthSession session = new OAuthSession(server, options(err), new RecordingHttpClient(Duration.ofSeconds(timeoutSeconds), 1 << 20),
                trace, new RegistrationStore())) {
            try {
                session.probeAndAuthorize();
            } catch (FlowException e) {
                return fail(err, e.getMessage(), trace);
            }
            if (protocolVersion != null && !STATEFUL_VERSIONS.contains(protocolVersion)) {
                return connectStateless(server, session, callArgs, trace, err);
            }
            return connect(server, session, callArgs, policy, trace, err);
        }
    }

    private static final List<String> STATEFUL_VERSIONS = List.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");

    private int connectStateless(URI server, OAuthSession session, Map<String, Object> callArgs, FlowTrace trace, PrintWriter err) {
        try (StatelessMcpClient client = new StatelessMcpClient(server, session, Duration.ofSeconds(timeoutSeconds), protocolVersion)) {
            McpSchema.InitializeResult discovered = client.discover();
            List<McpSchema.Tool> tools = discovered.capabilities() != null && discovered.capabilities().tools() != null
                    ? client.listTools() : List.of();
            McpSchema.CallToolResult result = call == null ? null : client.callTool(call, callArgs);
            print(discovered, tools, result, session, trace);
            if (result != null && Boolean.TRUE.equals(result.isError())) {
                err.println("mcp-workbench connect: tool " + call + " reported an error");
                return 2;
            }
            return 0;
        } catch (RuntimeException e) {
            String reason = session.lastFailure() != null ? session.lastFailure() : describe(e);
            return fail(err, reason, trace);
        }
    }

    private int connect(URI server, OAuthSession session, Map<String, Object> callArgs, ElicitationPolicy policy, FlowTrace trace,
                        PrintWriter err) {
        McpSyncClient client = McpClient.sync(transport(server, session))
                .requestTimeout(Duration.ofSeconds(timeoutSeconds))
                .initializationTimeout(Duration.ofSeconds(timeoutSeconds))
                .clientInfo(new McpSchema.Implementation("mcp-workbench", version()))
                .capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(policy::answer)
                .jsonSchemaValidator(new dev.mcpworkbench.inspector.rules.dynamic.exercise.AcceptingSchemaValidator())
                .build();
        try {
            McpSchema.InitializeResult init = client.initialize();
            List<McpSchema.Tool> tools = init.capabilities() != null && init.capabilities().tools() != null
                    ? listAllTools(client) : List.of();
            McpSchema.CallToolResult result = call == null ? null : client.callTool(new McpSchema.CallToolRequest(call, callArgs));
            print(init, tools, result, session, trace);
            if (result != null && Boolean.TRUE.equals(result.isError())) {
                err.println("mcp-workbench connect: tool " + call + " reported an error");
                return 2;
            }
            return 0;
        } catch (RuntimeException e) {
            String reason = session.lastFailure() != null ? session.lastFailure() : describe(e);
            return fail(err, reason, trace);
        } finally {
            closeQuietly(client);
        }
    }

    private McpClientTransport transport(URI server, OAuthSession session) {
        return new AuthorizingHttpTransport(server, session, Duration.ofSeconds(timeoutSeconds));
    }

    private static List<McpSchema.Tool> listAllTools(McpSyncClient client) {
        List<McpSchema.Tool> tools = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            McpSchema.ListToolsResult result = cursor == null ? client.listTools() : client.listTools(cursor);
            tools.addAll(result.tools());
            cursor = result.nextCursor();
            if (cursor == null || cursor.isEmpty()) {
                break;
            }
        }
        return tools;
    }

    private FlowOptions options(PrintWriter err) {
        AuthorizationAgent agent = "headless".equalsIgnoreCase(auth) ? new HeadlessAgent() : new BrowserAgent(line -> {
            err.println(line);
            err.flush();
        });
        Duration callbackTimeout = "headless".equalsIgnoreCase(auth) ? Duration.ofSeconds(timeoutSeconds) : Duration.ofMinutes(5);
        return new FlowOptions(clientId, clientSecret, clientMetadataUrl, scope, callbackPort, callbackTimeout, agent, null, 2,
                serveClientMetadata);
    }

    private void print(McpSchema.InitializeResult init, List<McpSchema.Tool> tools, McpSchema.CallToolResult result,
                       OAuthSession session, FlowTrace trace) {
        PrintWriter out = spec.commandLine().getOut();
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

    private static void closeQuietly(McpSyncClient client) {
        try {
            client.closeGracefully();
        } catch (RuntimeException e) {
            // the answer is already printed; a failed goodbye changes nothing
        }
    }

    private static String version() {
        String v = ConnectCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The {@code --json} rendering. */
    static final class ConnectJson {
        private ConnectJson() {
        }

        static String render(McpSchema.InitializeResult init, List<McpSchema.Tool> tools, McpSchema.CallToolResult result,
                             OAuthSession session, List<Finding> findings) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.set("server", Json.MAPPER.valueToTree(init.serverInfo()));
            root.put("protocolVersion", init.protocolVersion());
            root.set("tools", Json.MAPPER.valueToTree(tools));
            if (result != null) {
                root.set("callResult", Json.MAPPER.valueToTree(result));
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
