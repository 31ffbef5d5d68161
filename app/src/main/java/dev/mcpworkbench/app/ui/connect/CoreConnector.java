package dev.mcpworkbench.app.ui.connect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.app.ui.payload.Reply;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.ui.log.LogEntry;
import dev.mcpworkbench.app.ui.requests.UserPrompts;
import dev.mcpworkbench.app.ui.tools.ToolCaller;
import dev.mcpworkbench.app.ui.traffic.TrafficRow;
import dev.mcpworkbench.inspector.connect.ClientRequestHandler;
import dev.mcpworkbench.inspector.connect.ConnectOptions;
import dev.mcpworkbench.inspector.connect.ConnectionEvent;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.PendingRequest;
import dev.mcpworkbench.inspector.connect.RequestOptions;
import dev.mcpworkbench.inspector.connect.Root;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.skills.SkillEntry;
import dev.mcpworkbench.inspector.skills.SkillLoad;
import dev.mcpworkbench.inspector.skills.SkillsClient;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.traffic.Direction;
import dev.mcpworkbench.inspector.traffic.HttpInfo;
import dev.mcpworkbench.inspector.traffic.TrafficEntry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/** Sessions over the inspector's {@link McpConnection}: traffic captured, server requests asked of the user. */
public final class CoreConnector implements Connector {

    /** The server's own limit for a tool call; the UI's per-call timeout (and Esc) usually end it first. */
    static final Duration CALL_LIMIT = Duration.ofMinutes(30);

    private final UserPrompts prompts;
    /** False for the unattended copy: server requests are declined instead of asked of the user. */
    private final boolean attended;

    private AuthorizationFactory authorization = url -> dev.mcpworkbench.inspector.connect.HttpAuthorization.NONE;

    /** Makes the authorization hook of one HTTP connection; may block (it may run the flow) and fail with its reason. */
    @FunctionalInterface
    public interface AuthorizationFactory {
        dev.mcpworkbench.inspector.connect.HttpAuthorization forServer(URI url) throws Exception;
    }

    public CoreConnector(UserPrompts prompts) {
        this(prompts, true);
    }

    private CoreConnector(UserPrompts prompts, boolean attended) {
        this.prompts = prompts;
        this.attended = attended;
    }

    /**
     * The same connections with nobody asked (what Scan all uses): no authorization flow runs, so
     * no browser opens unasked (a saved connection's own headers are still sent, and a server that
     * still answers 401 fails as unauthorized), and the server's elicitation and sampling requests
     * are declined instead of shown.
     */
    @Override
    public Connector unattended() {
        CoreConnector copy = new CoreConnector(prompts, false);
        return copy;
    }

    private java.util.function.UnaryOperator<ConnectOptions> httpOptions = options -> options;

    /** What HTTP connections add to their options once authorized (the client identity's protocol version). */
    public void setHttpOptions(java.util.function.UnaryOperator<ConnectOptions> change) {
        httpOptions = change;
    }

    /** Who authorizes HTTP connections (the app plugs in the OAuth flow); none by default. */
    public void setAuthorization(AuthorizationFactory factory) {
        authorization = factory;
    }

    @Override
    public Session open(ProfileFields profile, Listener listener) throws Exception {
        ServerTarget target = target(profile);
        Map<JsonNode, Consumer<ToolCaller.Progress>> progress = new ConcurrentHashMap<>();
        String[] serverName = {profile.name()};
        ConnectOptions options = ConnectOptions.defaults()
                .withClientInfo("mcp-workbench", version())
                .withRoots(profile.roots().stream().map(u -> new Root(u, "")).toList())
                .withRequestHandler(attended ? new AskTheUser(serverName) : ClientRequestHandler.DECLINE_ALL);
        dev.mcpworkbench.inspector.traffic.TrafficLog log = new dev.mcpworkbench.inspector.traffic.TrafficLog();
        log.addListener(e -> listener.traffic(row(e)));
        if (target instanceof ServerTarget.StreamableHttp http) options = options.withAuthorization(authorization.forServer(http.url()));
        if (target instanceof ServerTarget.Sse sse) options = options.withAuthorization(authorization.forServer(sse.url()));
        if (!(target instanceof ServerTarget.Stdio)) options = httpOptions.apply(options);
        McpConnection connection = McpConnection.open(target, options.withTraffic(log));
        serverName[0] = connection.initializeResult().path("serverInfo").path("name").asText(profile.name());
        connection.addListener(event -> dispatch(event, listener, progress));
        return new CoreSession(connection, progress);
    }

    /** What a saved connection reaches. */
    public static ServerTarget target(ProfileFields p) {
        return switch (p.kind()) {
            case STDIO -> new ServerTarget.Stdio(p.command(), p.args(), p.env(),
                    p.workingDir().isBlank() ? null : Path.of(p.workingDir()));
            case HTTP -> new ServerTarget.StreamableHttp(URI.create(p.url()), p.headers());
            case SSE -> new ServerTarget.Sse(URI.create(p.url()), p.headers());
        };
    }

    private static String version() {
        String v = CoreConnector.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static void dispatch(ConnectionEvent event, Listener listener, Map<JsonNode, Consumer<ToolCaller.Progress>> progress) {
        Instant now = Instant.now();
        switch (event) {
            case ConnectionEvent.ListChanged c -> listener.listChanged(c.list());
            case ConnectionEvent.LogMessage m -> listener.log(new LogEntry(now, m.level(),
                    m.logger() == null || m.logger().isEmpty() ? "server" : m.logger(),
                    m.data() == null ? "" : m.data().isTextual() ? m.data().asText() : m.data().toString()));
            case ConnectionEvent.Progress p -> {
                Consumer<ToolCaller.Progress> c = p.progressToken() == null ? null : progress.get(p.progressToken());
                if (c != null) c.accept(new ToolCaller.Progress(p.progress(), p.total(), p.message()));
                listener.log(new LogEntry(now, "progress", "server", p.progress()
                        + (p.total() == null ? "" : " / " + p.total()) + (p.message() == null ? "" : "  " + p.message())));
            }
            case ConnectionEvent.ResourceUpdated u -> listener.log(new LogEntry(now, "info", "server", "resource updated: " + u.uri()));
            case ConnectionEvent.Notification n -> listener.log(new LogEntry(now, "info", "server",
                    n.method() + (n.params() == null ? "" : " " + n.params())));
            case ConnectionEvent.ServerRequest r -> listener.log(new LogEntry(now, "info", "server",
                    "asked " + r.method() + "; answered " + (r.answer() == null ? "nothing" : r.answer())));
            case ConnectionEvent.Closed c -> listener.closed(c.reason() == null ? null : c.reason().getMessage());
        }
    }

    static TrafficRow row(TrafficEntry e) {
        return new TrafficRow(e.seq(), e.time(), e.direction() == Direction.CLIENT_TO_SERVER,
                e.kind().name().toLowerCase(Locale.ROOT), e.method(), e.id(), e.sizeBytes(), e.latency(), e.raw(),
                e.http() == null ? "" : http(e.http()));
    }

    private static String http(HttpInfo h) {
        StringBuilder sb = new StringBuilder();
        sb.append(h.method()).append(' ').append(h.url()).append('\n');
        h.requestHeaders().forEach((k, v) -> v.forEach(x -> sb.append(k).append(": ").append(x).append('\n')));
        sb.append('\n').append(h.status() == 0 ? "no response" : "HTTP " + h.status()).append('\n');
        h.responseHeaders().forEach((k, v) -> v.forEach(x -> sb.append(k).append(": ").append(x).append('\n')));
        return sb.toString().strip();
    }

    /** Elicitation and sampling go to the user through dialogs. */
    private final class AskTheUser implements ClientRequestHandler {
        private final String[] serverName;

        AskTheUser(String[] serverName) {
            this.serverName = serverName;
        }

        @Override
        public ElicitationReply elicit(ObjectNode params) {
            try {
                ObjectNode answer = prompts.elicit(serverName[0], params);
                return switch (answer.path("action").asText()) {
                    case "accept" -> ElicitationReply.accept((ObjectNode) answer.get("content"));
                    case "decline" -> ElicitationReply.decline();
                    default -> ElicitationReply.cancel();
                };
            } catch (Exception e) {
                return ElicitationReply.cancel();
            }
        }

        @Override
        public SamplingReply sample(ObjectNode params) {
            try {
                return prompts.sample(serverName[0], params).map(SamplingReply::answer)
                        .orElseGet(() -> SamplingReply.decline("Declined by the user"));
            } catch (Exception e) {
                return SamplingReply.decline("No answer from the user: " + e.getMessage());
            }
        }
    }

    private static final class CoreSession implements Session {
        private final McpConnection connection;
        private final Map<JsonNode, Consumer<ToolCaller.Progress>> progress;

        CoreSession(McpConnection connection, Map<JsonNode, Consumer<ToolCaller.Progress>> progress) {
            this.connection = connection;
            this.progress = progress;
        }

        @Override
        public JsonNode call(String tool, ObjectNode arguments, Consumer<Progress> onProgress) throws Exception {
            return reply(tool, arguments, onProgress).result();
        }

        @Override
        public Reply reply(String tool, ObjectNode arguments, Consumer<Progress> onProgress) throws Exception {
            PendingRequest pending = connection.callTool(tool, arguments, new RequestOptions(CALL_LIMIT, false, false).withProgress());
            if (pending.progressToken() != null) progress.put(pending.progressToken(), onProgress);
            try {
                JsonNode result = pending.result().get();
                // found here, off the FX thread: a scan of the message that decodes none of its strings
                return Reply.answered(result, pending.answerBytes());
            } catch (InterruptedException e) {
                pending.cancel("Cancelled by the user");
                Thread.currentThread().interrupt();
                throw e;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            } finally {
                if (pending.progressToken() != null) progress.remove(pending.progressToken());
            }
        }

        @Override
        public JsonNode readResource(String uri) throws Exception {
            return readResourceReply(uri).result();
        }

        @Override
        public JsonNode getPrompt(String name, Map<String, String> arguments) throws Exception {
            return getPromptReply(name, arguments).result();
        }

        @Override
        public Reply readResourceReply(String uri) throws Exception {
            return answered(connection.readResourceRequest(uri));
        }

        @Override
        public Reply getPromptReply(String name, Map<String, String> arguments) throws Exception {
            return answered(connection.getPromptRequest(name, arguments));
        }

        /** The answer, and where its result lies in the message's bytes: the payload window parses it there. */
        private static Reply answered(PendingRequest pending) throws Exception {
            return Reply.answered(pending.await(), pending.answerBytes());
        }

        @Override
        public ServerSnapshot snapshot() throws Exception {
            return connection.snapshot();
        }

        @Override
        public Optional<List<SkillEntry>> listSkills() throws Exception {
            SkillsClient skills = new SkillsClient(connection);
            return skills.advertised() ? Optional.of(skills.list()) : Optional.empty();
        }

        @Override
        public SkillLoad loadSkill(SkillEntry skill) {
            return new SkillsClient(connection).load(skill);
        }

        @Override
        public void setLogLevel(String level) throws Exception {
            connection.setLoggingLevel(level);
        }

        @Override
        public void setRoots(List<String> uris) {
            connection.setRoots(uris.stream().map(u -> new Root(u, "")).toList());
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
