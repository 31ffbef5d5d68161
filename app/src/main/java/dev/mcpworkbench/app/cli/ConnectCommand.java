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
import dev.mcpworkbench.inspector.io.AtomicFiles;
import dev.mcpworkbench.app.auth.MachineGrantSettings;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.FlowHar;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.probe.ActiveProbe;
import dev.mcpworkbench.oauth.probe.ActiveProbes;
import dev.mcpworkbench.oauth.probe.ProbeContext;
import dev.mcpworkbench.oauth.probe.ProbeListener;
import dev.mcpworkbench.oauth.probe.ProbeResult;
import dev.mcpworkbench.oauth.probe.ProbeRunner;
import dev.mcpworkbench.oauth.probe.UpstreamRecorder;
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
 * client, running the OAuth flow when it answers 401, lists its tools (and its skills, when it
 * declares the skills extension) and optionally calls one tool or loads one skill. Tokens stay in
 * memory. What it prints is what the server sent.
 */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Connect to a remote MCP server (authorizing with OAuth when it asks), list its tools and skills, "
                + "optionally call a tool or load a skill.")
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

    @Mixin
    JwtGrantOptions jwtGrantOptions;

    @Mixin
    LimitOptions limitOptions = new LimitOptions();

    @Option(names = "--call", paramLabel = "TOOL", description = "Call this tool after listing.")
    String call;

    @Option(names = "--args", paramLabel = "JSON", defaultValue = "{}", description = "Arguments for --call, a JSON object.")
    String args;

    @Option(names = "--load-skill", paramLabel = "NAME",
            description = "Load this skill (by name or SKILL.md URI) of the server's skills extension: read its files and verify "
                    + "each one's size and sha256 digest, and the SKILL.md front matter, against skills/list. Exit 2 when one fails.")
    String loadSkill;

    @Option(names = "--elicitation", paramLabel = "decline|cancel|accept-defaults", defaultValue = "decline",
            description = "How to answer the server's elicitation requests.")
    String elicitation;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds per request (and for the authorization callback).")
    int timeoutSeconds;

    @Option(names = "--protocol-version", paramLabel = "VERSION",
            description = "Speak this MCP revision. Default: " + ConnectOptions.LATEST_PROTOCOL_VERSION + ", negotiated with initialize. "
                    + "2026-07-28 uses the stateless lifecycle (server/discover, no initialize).")
    String protocolVersion;

    @Option(names = "--grant", paramLabel = "authorization-code|client-credentials|jwt-bearer|id-jag", defaultValue = "authorization-code",
            description = "How to get tokens when the server asks for authorization: the authorization code flow (a person "
                    + "approves); the client credentials grant (a machine client; needs --client-id and --client-secret or "
                    + "--client-key); the JWT bearer grant with a workload identity token (--assertion); or enterprise-managed "
                    + "authorization, an ID-JAG from the identity provider (--id-token, --idp-token-endpoint) then the JWT bearer grant.")
    String grant;

    @Option(names = "--json", description = "Print the result (server, tools, call result, findings) as JSON.")
    boolean json;

    @Option(names = "--probe", paramLabel = "ID[,ID...]|all",
            description = "After connecting, run these active probes against the authorization server (your consent to send "
                    + "crafted requests: some register clients or burn codes, as each says before it runs): pkce, resource, "
                    + "registration, redirect, cimd, refresh-rotation, code-reuse, passthrough, their rule ids, or all.")
    String probe;

    @Option(names = "--upstream-recorder", paramLabel = "PORT",
            description = "Start a recorder on 127.0.0.1:PORT for the passthrough probe (OAUTH-028): point your server's "
                    + "upstream API at it before connecting.")
    Integer upstreamRecorderPort;

    @Option(names = "--trace", description = "Print the authorization flow on standard error as it happens: one line per "
            + "HTTP exchange (method, URL, status, ms), refreshes and step-ups named.")
    boolean traceLive;

    @Option(names = "--trace-file", paramLabel = "FILE", description = "Write the authorization flow's exchanges as HAR 1.2 "
            + "(tokens and secrets masked unless --reveal-secrets).")
    java.nio.file.Path traceFile;

    @Option(names = "--reveal-secrets", description = "Write tokens and secrets unmasked in the --trace-file.")
    boolean revealSecrets;

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
            limitOptions.validate();
            grantSettings = jwtGrantOptions.settings(grant);
            probes = probe == null ? List.of() : ActiveProbes.select(probe);
            if (revealSecrets && traceFile == null) throw new IllegalArgumentException("--reveal-secrets applies to --trace-file");
            if (upstreamRecorderPort != null) recorder = UpstreamRecorder.start(upstreamRecorderPort);
        } catch (Exception e) {
            err.println("mcp-workbench connect: " + oneLine(e.getMessage()));
            return 2;
        }
        FlowTrace trace = new FlowTrace();
        if (traceLive) trace.addListener(new TraceLines(err));
        try {
            int exit = run(server, callArgs, policy, trace, err);
            return writeTraceFile(trace, err) ? exit : 2;
        } finally {
            if (recorder != null) recorder.close();
        }
    }

    private List<ActiveProbe> probes = List.of();
    private MachineGrantSettings grantSettings = MachineGrantSettings.DEFAULT;
    private UpstreamRecorder recorder;
    private List<ProbeResult> probeResults = List.of();

    private int run(URI server, JsonNode callArgs, ElicitationPolicy policy, FlowTrace trace, PrintWriter err) {
        if (recorder != null) err.println("Upstream recorder listening at " + recorder.url());
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        FlowOptions flowOptions;
        try {
            flowOptions = jwtGrantOptions.withNewKey(grantSettings, err).applyTo(authOptions.flowOptions(err, timeout));
        } catch (java.io.IOException | RuntimeException e) {
            return fail(err, e.getMessage(), trace);
        }
        try (OAuthSession session = AuthOptions.session(server, flowOptions, timeout, trace)) {
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
        ConnectOptions options = limitOptions.apply(ConnectOptions.defaults())
                .withConnectTimeout(Duration.ofSeconds(timeoutSeconds))
                .withRequestTimeout(Duration.ofSeconds(timeoutSeconds))
                .withClientInfo("mcp-workbench", version())
                .withRequestHandler(policy.handler())
                .withAuthorization(authorization);
        if (protocolVersion != null) options = options.withProtocolVersion(protocolVersion);
        try (McpConnection connection = McpConnection.open(new ServerTarget.StreamableHttp(server, Map.of()), options)) {
            List<JsonNode> tools = connection.hasCapability("tools") ? connection.listTools() : List.of();
            JsonNode result = call == null ? null : connection.callTool(call, callArgs, RequestOptions.DEFAULT).await();
            ConnectSkills skills = ConnectSkills.run(connection, loadSkill);
            runProbes(server, session, trace, err);
            print(connection.initializeResult(), tools, result, skills, session, trace);
            if (result != null && result.path("isError").asBoolean(false)) {
                err.println("mcp-workbench connect: tool " + call + " reported an error");
                return 2;
            }
            if (skills.failure() != null) {
                err.println("mcp-workbench connect: " + oneLine(skills.failure()));
                return 2;
            }
            return 0;
        } catch (McpConnectionException | RuntimeException e) {
            String reason = session.lastFailure() != null ? session.lastFailure() : describe(e);
            return fail(err, reason, trace);
        }
    }

    /** The chosen probes, after everything else (a probe may use up the session's refresh token). */
    private void runProbes(URI server, OAuthSession session, FlowTrace trace, PrintWriter err) {
        if (probes.isEmpty()) return;
        if (session.current().isEmpty()) {
            err.println("Probes: the server asked for no authorization, so there is no authorization server to probe");
            return;
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        FlowOptions flowOptions = authOptions.flowOptions(err, timeout);
        ProbeContext context = new ProbeContext(server, session.current().get(), new RecordingHttpClient(timeout, 1 << 20),
                flowOptions.agent(), flowOptions.callbackTimeout()).withTokenPresenter(session::requestHeaders);
        if (recorder != null) context = context.withUpstreamRecorder(recorder);
        probeResults = ProbeRunner.run(probes, context, trace, new ProbeListener() {
            @Override
            public void starting(ActiveProbe p) {
                err.println("Probe " + p.name() + " (" + p.ruleId() + ", " + p.title() + "): " + p.description());
                err.flush();
            }

            @Override
            public void finished(ProbeResult r) {
                err.println("Probe " + r.probe().name() + ": " + r.verdict());
                r.findings().forEach(f -> err.println("  " + f.ruleId() + " " + f.verdict() + " " + oneLine(f.message())));
                err.flush();
            }
        });
    }

    /** --trace-file: the flow as HAR, written whatever the outcome; false when it could not be written. */
    private boolean writeTraceFile(FlowTrace trace, PrintWriter err) {
        if (traceFile == null) return true;
        try {
            AtomicFiles.write(traceFile, FlowHar.render(trace, version(), revealSecrets));
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            err.println("mcp-workbench connect: cannot write " + traceFile + ": " + oneLine(e.getMessage()));
            return false;
        }
    }

    private void print(ObjectNode init, List<JsonNode> tools, JsonNode result, ConnectSkills skills, OAuthSession session,
                       FlowTrace trace) {
        PrintWriter out = Terminal.out(spec);
        List<Finding> findings = new java.util.ArrayList<>(OAuthFindingMapper.toFindings(trace.findings()));
        findings.addAll(skills.findings());
        if (json) {
            out.println(ConnectJson.render(init, tools, result, skills, session, findings, probeResults));
        } else {
            ConnectSummary.print(out, url, init, tools, call, result, session);
            skills.print(out);
            ConnectSummary.printFindings(out, findings);
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

        static String render(ObjectNode init, List<JsonNode> tools, JsonNode result, ConnectSkills skills, OAuthSession session,
                             List<Finding> findings, List<ProbeResult> probes) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.set("server", init.path("serverInfo").isMissingNode() ? Json.MAPPER.nullNode() : init.get("serverInfo"));
            root.set("protocolVersion", init.path("protocolVersion").isMissingNode() ? Json.MAPPER.nullNode() : init.get("protocolVersion"));
            root.putArray("tools").addAll(tools);
            if (result != null) {
                root.set("callResult", result);
            }
            skills.render(root);
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
            if (!probes.isEmpty()) {
                var probed = root.putArray("probes");
                probes.forEach(p -> probed.addObject().put("probe", p.probe().name()).put("ruleId", p.probe().ruleId())
                        .put("verdict", p.verdict()).put("sent", p.probe().description()));
            }
            return root.toPrettyString();
        }
    }
}
