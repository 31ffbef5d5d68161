package dev.mcpworkbench.app.ui.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.rules.dynamic.exercise.AcceptingSchemaValidator;
import dev.mcpworkbench.app.cli.auth.AuthorizingHttpTransport;
import dev.mcpworkbench.app.ui.workspace.LiveServer;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import dev.mcpworkbench.inspector.snapshot.SnapshotJson;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.FlowOptions;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import dev.mcpworkbench.oauth.flow.OAuthSession;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A desktop connection to a Streamable HTTP server that authorizes itself: the oauth-helper's
 * {@link OAuthSession} probes the server, runs the flow on a 401 (browser, loopback callback) and
 * answers later 401/403s; every step lands in the {@link FlowTrace} the authorization panel follows.
 * Blocking throughout: open and use it off the FX thread.
 */
public final class AuthorizingConnection implements LiveServer, AutoCloseable {

    private final McpSyncClient client;
    private final ServerSnapshot snapshot;
    private final OAuthSession session;

    private AuthorizingConnection(McpSyncClient client, ServerSnapshot snapshot, OAuthSession session) {
        this.client = client;
        this.snapshot = snapshot;
        this.session = session;
    }

    /** Connects (authorizing first when the server asks), initializes and lists what the server exposes. */
    public static AuthorizingConnection open(URI url, FlowOptions options, FlowTrace trace, Duration timeout)
            throws FlowException {
        OAuthSession session = new OAuthSession(url, options, new RecordingHttpClient(timeout, 1 << 20), trace,
                new RegistrationStore());
        try {
            session.probeAndAuthorize();
        } catch (FlowException | RuntimeException e) {
            session.close();
            throw e;
        }
        McpSyncClient client = McpClient.sync(new AuthorizingHttpTransport(url, session, timeout))
                .requestTimeout(timeout)
                .initializationTimeout(timeout)
                .clientInfo(new McpSchema.Implementation("mcp-workbench", "desktop"))
                .jsonSchemaValidator(new AcceptingSchemaValidator())
                .build();
        try {
            McpSchema.InitializeResult init = client.initialize();
            return new AuthorizingConnection(client, snapshot(url, client, init), session);
        } catch (RuntimeException e) {
            client.close();
            session.close();
            throw e;
        }
    }

    private static ServerSnapshot snapshot(URI url, McpSyncClient client, McpSchema.InitializeResult init) {
        McpSchema.ServerCapabilities caps = init.capabilities();
        boolean hasResources = caps != null && caps.resources() != null;
        List<JsonNode> tools = caps != null && caps.tools() != null
                ? pages(c -> c == null ? client.listTools() : client.listTools(c),
                        McpSchema.ListToolsResult::tools, McpSchema.ListToolsResult::nextCursor) : List.of();
        List<JsonNode> resources = hasResources
                ? pages(c -> c == null ? client.listResources() : client.listResources(c),
                        McpSchema.ListResourcesResult::resources, McpSchema.ListResourcesResult::nextCursor) : List.of();
        List<JsonNode> templates = hasResources
                ? pages(c -> c == null ? client.listResourceTemplates() : client.listResourceTemplates(c),
                        McpSchema.ListResourceTemplatesResult::resourceTemplates,
                        McpSchema.ListResourceTemplatesResult::nextCursor) : List.of();
        List<JsonNode> prompts = caps != null && caps.prompts() != null
                ? pages(c -> c == null ? client.listPrompts() : client.listPrompts(c),
                        McpSchema.ListPromptsResult::prompts, McpSchema.ListPromptsResult::nextCursor) : List.of();
        ObjectNode initialize = SnapshotJson.MAPPER.valueToTree(init);
        return new ServerSnapshot(url.toString(), initialize, tools, resources, templates, prompts);
    }

    /** Follows cursors, at most 100 pages: a server that never stops paging cannot hang the app. */
    private static <R, T> List<JsonNode> pages(Function<String, R> list, Function<R, List<T>> items,
                                               Function<R, String> next) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            R result = list.apply(cursor);
            List<T> got = items.apply(result);
            if (got != null) got.forEach(i -> all.add(SnapshotJson.MAPPER.valueToTree(i)));
            cursor = next.apply(result);
            if (cursor == null || cursor.isEmpty()) break;
        }
        return all;
    }

    public ServerSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public JsonNode call(String tool, ObjectNode arguments, Consumer<Progress> onProgress) {
        @SuppressWarnings("unchecked")
        Map<String, Object> args = SnapshotJson.MAPPER.convertValue(arguments, Map.class);
        return SnapshotJson.MAPPER.valueToTree(client.callTool(new McpSchema.CallToolRequest(tool, args)));
    }

    @Override
    public JsonNode readResource(String uri) {
        return SnapshotJson.MAPPER.valueToTree(client.readResource(new McpSchema.ReadResourceRequest(uri)));
    }

    @Override
    public JsonNode getPrompt(String name, Map<String, String> arguments) {
        return SnapshotJson.MAPPER.valueToTree(client.getPrompt(new McpSchema.GetPromptRequest(name, Map.copyOf(arguments))));
    }

    @Override
    public void close() {
        client.closeGracefully();
        session.close();
    }
}
