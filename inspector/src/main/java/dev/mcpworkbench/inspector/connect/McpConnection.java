package dev.mcpworkbench.inspector.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.connect.McpConnectionException.Kind;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.traffic.TrafficLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A live, initialized connection to one MCP server: the headless API every part of the workbench
 * uses (desktop, {@code scan}, {@code snapshot}, {@code --exercise}).
 *
 * <pre>{@code
 * try (McpConnection c = McpConnection.open(ServerTarget.Stdio.parse("npx -y @modelcontextprotocol/server-everything"),
 *                                           ConnectOptions.defaults())) {
 *     ServerSnapshot snapshot = c.snapshot();
 *     JsonNode result = c.callTool("echo", args, RequestOptions.DEFAULT).await();
 * }
 * }</pre>
 *
 * <p>Every method that talks to the server has a timeout and reports failure as an
 * {@link McpConnectionException} whose message is one line a user can read. Results are the raw
 * JSON the server sent. All traffic lands in {@link #traffic()}. Thread-safe.
 */
public final class McpConnection implements AutoCloseable {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ServerTarget target;
    private final ConnectOptions options;
    private final TrafficLog traffic;
    private final Transport transport;
    private final JsonRpcSession session;
    private ObjectNode initializeResult;
    private ObjectNode discoverResult;
    /** The version spoken: the one asked for, or the one the server chose (stateless lifecycle). */
    private volatile String protocolVersion;
    /** The last listed declaration of each tool, by name: where its custom headers are declared. */
    private final Map<String, JsonNode> listedTools = new java.util.concurrent.ConcurrentHashMap<>();

    private McpConnection(ServerTarget target, ConnectOptions options, TrafficLog traffic, Transport transport) {
        this.target = target;
        this.options = options;
        this.traffic = traffic;
        this.transport = transport;
        this.session = new JsonRpcSession(transport, options.requestTimeout(), options.requestHandler(), options.roots());
        this.protocolVersion = options.protocolVersion();
        if (options.listener() != null) session.addListener(options.listener());
    }

    /** Connects, initializes, and returns the ready connection; on failure nothing is left running. */
    public static McpConnection open(ServerTarget target, ConnectOptions options) throws McpConnectionException {
        TrafficLog traffic = options.traffic() != null ? options.traffic() : new TrafficLog();
        Transport transport = switch (target) {
            case ServerTarget.Stdio stdio -> new StdioTransport(stdio, traffic, options.maxMessageBytes());
            case ServerTarget.StreamableHttp http -> new StreamableHttpTransport(http, options, traffic);
            case ServerTarget.Sse sse -> new SseTransport(sse, options, traffic);
        };
        McpConnection connection = new McpConnection(target, options, traffic, transport);
        try {
            connection.initialize();
            return connection;
        } catch (McpConnectionException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private void initialize() throws McpConnectionException {
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        if (options.statelessLifecycle()) {
            discover(deadline);
            return;
        }
        transport.start(session);
        Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
        JsonNode result = session.send("initialize", initializeParams(), RequestOptions.timeout(left)).await();
        if (!result.isObject() || !result.path("protocolVersion").isTextual()) {
            throw new McpConnectionException(Kind.NOT_MCP,
                    "The answer to initialize is not an MCP InitializeResult (no protocolVersion)");
        }
        initializeResult = (ObjectNode) result;
        transport.afterInitialize(result.get("protocolVersion").asText());
        session.notify("notifications/initialized", null);
    }

    /**
     * The stateless lifecycle (2026-07-28, SEP-2575): no initialize and no initialized notification;
     * every request names the version, the client's capabilities and clientInfo in
     * {@code params._meta} (and the HTTP transport sends the version header from the first request);
     * {@code server/discover} tells what the server offers.
     */
    private void discover(long deadline) throws McpConnectionException {
        transport.start(session);
        JsonNode result;
        try {
            result = discoverAt(protocolVersion, deadline);
        } catch (McpRemoteException e) {
            String other = StatelessVersions.retryVersion(e, protocolVersion);
            if (other == null) throw e;
            protocolVersion = other;
            if (transport instanceof StreamableHttpTransport http) http.useProtocolVersion(other);
            result = discoverAt(other, deadline);
        }
        if (!result.isObject()) {
            throw new McpConnectionException(Kind.NOT_MCP, "The answer to server/discover is not an MCP DiscoverResult (not an object)");
        }
        discoverResult = (ObjectNode) result;
        initializeResult = Stateless.asInitializeResult(protocolVersion, discoverResult);
    }

    private JsonNode discoverAt(String version, long deadline) throws McpConnectionException {
        ObjectNode meta = JSON.objectNode().put(Stateless.META_VERSION, version);
        meta.putObject(Stateless.META_CAPABILITIES);
        meta.putObject(Stateless.META_CLIENT).put("name", options.clientName()).put("version", options.clientVersion());
        session.setRequestMeta(meta);
        Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
        return session.send("server/discover", JSON.objectNode(), RequestOptions.timeout(left)).await();
    }

    private ObjectNode initializeParams() {
        ObjectNode params = JSON.objectNode().put("protocolVersion", options.protocolVersion());
        ObjectNode capabilities = params.putObject("capabilities");
        capabilities.putObject("roots").put("listChanged", true);
        capabilities.putObject("sampling");
        capabilities.putObject("elicitation").putObject("form");
        params.putObject("clientInfo").put("name", options.clientName()).put("version", options.clientVersion());
        return params;
    }

    public ServerTarget target() {
        return target;
    }

    public TrafficLog traffic() {
        return traffic;
    }

    /**
     * The server's InitializeResult as received (protocolVersion, capabilities, serverInfo, instructions).
     * In the stateless lifecycle, the same shape built from the server/discover answer: the version
     * spoken, its capabilities, the serverInfo from its {@code _meta} and its instructions.
     */
    public ObjectNode initializeResult() {
        return initializeResult;
    }

    /** The server/discover answer as received, in the stateless lifecycle; empty otherwise. */
    public java.util.Optional<ObjectNode> discoverResult() {
        return java.util.Optional.ofNullable(discoverResult);
    }

    public JsonNode serverCapabilities() {
        return initializeResult.path("capabilities");
    }

    public boolean hasCapability(String name) {
        return serverCapabilities().has(name);
    }

    public boolean isOpen() {
        return !session.isClosed();
    }

    /** Why the connection ended, if the server ended it; null while open or after {@link #close()}. */
    public McpConnectionException closedReason() {
        return session.closedReason();
    }

    /** Adds a listener for notifications, server requests and the end of the connection; close the handle to remove it. */
    public AutoCloseable addListener(ConnectionListener listener) {
        return session.addListener(listener);
    }

    /** Sends any request; the answer comes through the returned handle. */
    public PendingRequest send(String method, ObjectNode params, RequestOptions requestOptions) {
        return session.send(method, params, requestOptions == null ? RequestOptions.DEFAULT : requestOptions);
    }

    /** Sends any request and waits for its raw result (default timeout). */
    public JsonNode request(String method, ObjectNode params) throws McpConnectionException {
        return send(method, params, RequestOptions.DEFAULT).await();
    }

    /** Sends a notification. */
    public void notify(String method, ObjectNode params) {
        session.notify(method, params);
    }

    /**
     * Lists everything of one kind, following {@code nextCursor} page after page.
     *
     * @param method e.g. {@code tools/list}
     * @param field  the array in each page, e.g. {@code tools}
     */
    public List<JsonNode> listAll(String method, String field) throws McpConnectionException {
        return Pagination.listAll(this, method, field, options.maxListPages());
    }

    public List<JsonNode> listTools() throws McpConnectionException {
        List<JsonNode> tools = listAll("tools/list", "tools");
        for (JsonNode tool : tools) {
            if (tool.path("name").isTextual()) listedTools.put(tool.get("name").asText(), tool);
        }
        return tools;
    }

    public List<JsonNode> listResources() throws McpConnectionException {
        return listAll("resources/list", "resources");
    }

    public List<JsonNode> listResourceTemplates() throws McpConnectionException {
        return listAll("resources/templates/list", "resourceTemplates");
    }

    public List<JsonNode> listPrompts() throws McpConnectionException {
        return listAll("prompts/list", "prompts");
    }

    /** Everything the server exposes now: lists only what its capabilities announce; secrets in the source are masked. */
    public ServerSnapshot snapshot() throws McpConnectionException {
        List<JsonNode> tools = hasCapability("tools") ? listTools() : List.of();
        // A server whose prompts/list breaks (say, its database is down) still has tools worth scanning.
        List<String> listErrors = new ArrayList<>();
        List<JsonNode> resources = hasCapability("resources") ? listOrRecord(this::listResources, listErrors) : List.of();
        List<JsonNode> templates = hasCapability("resources") ? listTemplatesTolerantly(listErrors) : List.of();
        List<JsonNode> prompts = hasCapability("prompts") ? listOrRecord(this::listPrompts, listErrors) : List.of();
        // The source ends up in files people share: a token on the command line or in the URL must not.
        String source = dev.mcpworkbench.inspector.traffic.SecretMasker.MASKING.text(target.describe());
        return new ServerSnapshot(source, initializeResult.deepCopy(), tools, resources, templates, prompts, listErrors);
    }

    private interface Lister {
        List<JsonNode> list() throws McpConnectionException;
    }

    private static List<JsonNode> listOrRecord(Lister lister, List<String> errors) throws McpConnectionException {
        try {
            return lister.list();
        } catch (McpRemoteException e) {
            errors.add(e.getMessage());
            return List.of();
        }
    }

    private List<JsonNode> listTemplatesTolerantly(List<String> errors) throws McpConnectionException {
        try {
            return listResourceTemplates();
        } catch (McpRemoteException e) {
            if (e.code() == -32601) return List.of(); // templates are optional within the resources capability
            errors.add(e.getMessage());
            return List.of();
        }
    }

    /**
     * Calls a tool; {@code arguments} may be null (no arguments). From 2026-07-28 on, the arguments
     * the tool's last listed declaration marks with {@code x-mcp-header} also go as
     * {@code Mcp-Param-*} headers, and a tool whose declarations are invalid is not called: the
     * answer fails with the reason (the tools list still shows it as the server sent it).
     */
    public PendingRequest callTool(String name, JsonNode arguments, RequestOptions requestOptions) {
        ObjectNode params = JSON.objectNode().put("name", name);
        if (arguments != null && !arguments.isNull()) params.set("arguments", arguments);
        Map<String, String> headers = Map.of();
        JsonNode declaration = listedTools.get(name);
        if (declaration != null && options.statelessLifecycle() && target instanceof ServerTarget.StreamableHttp) {
            try {
                headers = ToolHeaders.headers(ToolHeaders.validate(declaration), arguments);
            } catch (ToolHeaders.InvalidDeclaration e) {
                return session.refused("tools/call", new McpConnectionException(Kind.PROTOCOL,
                        "The workbench does not call tool '" + name + "': " + e.getMessage()));
            }
        }
        return session.send("tools/call", params, requestOptions == null ? RequestOptions.DEFAULT : requestOptions, headers);
    }

    public JsonNode readResource(String uri) throws McpConnectionException {
        return readResourceRequest(uri).await();
    }

    /** {@link #readResource} as a pending request: its answer's bytes are there once it is answered. */
    public PendingRequest readResourceRequest(String uri) {
        return send("resources/read", JSON.objectNode().put("uri", uri), RequestOptions.DEFAULT);
    }

    public JsonNode getPrompt(String name, Map<String, String> arguments) throws McpConnectionException {
        return getPromptRequest(name, arguments).await();
    }

    /** {@link #getPrompt} as a pending request: its answer's bytes are there once it is answered. */
    public PendingRequest getPromptRequest(String name, Map<String, String> arguments) {
        ObjectNode params = JSON.objectNode().put("name", name);
        if (arguments != null && !arguments.isEmpty()) {
            ObjectNode args = params.putObject("arguments");
            arguments.forEach(args::put);
        }
        return send("prompts/get", params, RequestOptions.DEFAULT);
    }

    public void subscribe(String uri) throws McpConnectionException {
        request("resources/subscribe", JSON.objectNode().put("uri", uri));
    }

    public void unsubscribe(String uri) throws McpConnectionException {
        request("resources/unsubscribe", JSON.objectNode().put("uri", uri));
    }

    /** Asks the server to send log messages at this level and above (debug, info, notice, warning, error, ...). */
    public void setLoggingLevel(String level) throws McpConnectionException {
        request("logging/setLevel", JSON.objectNode().put("level", level));
    }

    public void ping() throws McpConnectionException {
        request("ping", null);
    }

    public List<Root> roots() {
        return session.roots();
    }

    /** Replaces the roots offered to the server and tells it with {@code notifications/roots/list_changed}. */
    public void setRoots(List<Root> roots) {
        session.setRoots(new ArrayList<>(roots));
        if (isOpen()) session.notify("notifications/roots/list_changed", null);
    }

    /** Closes the connection: ends the HTTP session or kills the server's process tree. Idempotent. */
    @Override
    public void close() {
        session.onClosed(null);
        transport.close();
        if (options.authorization() != null) options.authorization().release();
    }

    /** The stdio server's process, while it runs (empty for HTTP targets). */
    public java.util.Optional<ProcessHandle> serverProcess() {
        return transport instanceof StdioTransport stdio ? java.util.Optional.ofNullable(stdio.processHandle()) : java.util.Optional.empty();
    }
}
