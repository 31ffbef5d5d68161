package dev.mcpworkbench.inspector.rules.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransport;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * What the official MCP Java SDK client makes of one answer when it receives it: the JSON-RPC
 * message text read by the SDK's own {@link McpJsonMapper} ({@link McpSchema#deserializeJsonRpcMessage}),
 * then its result converted to the SDK's type, as {@code McpClientSession} does. Either the SDK
 * throws (it rejects the answer) or it yields a value, written back as JSON to see what it kept.
 *
 * <p>Items of a list are received one per list, so that a rejection names the item; the SDK
 * itself receives the whole page and rejects it all.
 */
final class SdkReceipt {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the SDK did: {@code kept} is its value written back as JSON, or null when it rejected. */
    record Outcome(JsonNode kept, String reason, String pointer) {

        boolean rejected() {
            return kept == null;
        }

        static Outcome rejected(String reason, String pointer) {
            return new Outcome(null, reason, pointer);
        }
    }

    /** How one kind of item travels: the list it comes in and the SDK type of that list. */
    record Kind<T>(String listField, TypeRef<T> type, Function<T, List<?>> items) {
    }

    static final Kind<McpSchema.ListToolsResult> TOOL =
            new Kind<>("tools", new TypeRef<>() { }, McpSchema.ListToolsResult::tools);
    static final Kind<McpSchema.ListResourcesResult> RESOURCE =
            new Kind<>("resources", new TypeRef<>() { }, McpSchema.ListResourcesResult::resources);
    static final Kind<McpSchema.ListResourceTemplatesResult> RESOURCE_TEMPLATE =
            new Kind<>("resourceTemplates", new TypeRef<>() { }, McpSchema.ListResourceTemplatesResult::resourceTemplates);
    static final Kind<McpSchema.ListPromptsResult> PROMPT =
            new Kind<>("prompts", new TypeRef<>() { }, McpSchema.ListPromptsResult::prompts);

    private static final TypeRef<McpSchema.InitializeResult> INITIALIZE = new TypeRef<>() { };
    private static final TypeRef<McpSchema.CallToolResult> CALL_TOOL = new TypeRef<>() { };

    private SdkReceipt() {
    }

    /** One list item as the SDK client receives it inside its list result. */
    static <T> Outcome item(Kind<T> kind, JsonNode item) {
        Outcome tooDeep = tooDeep(item, 3); // the message, its result and the list hold the item
        if (tooDeep != null) return tooDeep;
        String result = "{\"" + kind.listField() + "\":[" + text(item) + "]}";
        return receive(result, kind.type(), value -> {
            List<?> items = kind.items().apply(value);
            return items == null || items.isEmpty() ? null : items.get(0);
        }, 2); // the path starts with the list field and the index
    }

    static Outcome initializeResult(JsonNode result) {
        Outcome tooDeep = tooDeep(result, 1);
        return tooDeep != null ? tooDeep : receive(text(result), INITIALIZE, value -> value, 0);
    }

    static Outcome callToolResult(JsonNode result) {
        Outcome tooDeep = tooDeep(result, 1);
        return tooDeep != null ? tooDeep : receive(text(result), CALL_TOOL, value -> value, 0);
    }

    private static <T> Outcome receive(String resultJson, TypeRef<T> type, Function<T, Object> pick, int pathPrefix) {
        McpJsonMapper sdk = McpJsonDefaults.getMapper();
        String message = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + resultJson + "}";
        try {
            McpSchema.JSONRPCMessage received = McpSchema.deserializeJsonRpcMessage(sdk, message);
            if (!(received instanceof McpSchema.JSONRPCResponse response)) {
                return Outcome.rejected("the SDK did not read it as a JSON-RPC response", "");
            }
            Object value = pick.apply(sdk.convertValue(response.result(), type));
            return new Outcome(value == null ? null : sdk.convertValue(value, JsonNode.class), "", ""); // what it would write back
        } catch (Exception e) { // IllegalArgumentException from convertValue, IOException from reading: both are rejections
            return Outcome.rejected(reason(e), pointer(e, pathPrefix));
        }
    }

    /**
     * The SDK reads with Jackson's default limits: a message nesting deeper than 1,000 levels is
     * rejected. Measured here, without writing the item out (which would hit the same limit).
     */
    private static Outcome tooDeep(JsonNode body, int envelope) {
        int limit = StreamReadConstraints.defaults().getMaxNestingDepth();
        int depth = envelope + depthOf(body);
        if (depth <= limit) return null;
        return Outcome.rejected("the message nests " + depth + " levels deep; the SDK reads at most " + limit, "");
    }

    /** Nesting depth of objects and arrays, walked without recursion (hostile schemas nest thousands deep). */
    static int depthOf(JsonNode root) {
        int max = 0;
        Deque<JsonNode> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(root.isContainerNode() ? 1 : 0);
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.pop();
            int depth = depths.pop();
            max = Math.max(max, depth);
            for (JsonNode child : node) {
                if (child.isContainerNode()) {
                    nodes.push(child);
                    depths.push(depth + 1);
                }
            }
        }
        return max;
    }

    /** The item as JSON text; a node that cannot be written fails as its own exception would. */
    private static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw new IllegalStateException(e.getOriginalMessage(), e);
        }
    }

    /** The SDK's own words, without Jackson's source excerpt and reference chain. */
    private static String reason(Throwable e) {
        Throwable mapping = mappingCause(e);
        String text = mapping instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        if (text == null) text = e.getClass().getSimpleName();
        int cut = text.indexOf("\n at [Source");
        return (cut >= 0 ? text.substring(0, cut) : text).strip();
    }

    /** Where in the item Jackson stopped, as an RFC 6901 pointer ("" when it cannot tell). */
    private static String pointer(Throwable e, int pathPrefix) {
        if (!(mappingCause(e) instanceof JsonMappingException m)) return "";
        // the message envelope and the result add "result" (only when read as a message); list items add two more
        List<JsonMappingException.Reference> path = m.getPath();
        StringBuilder b = new StringBuilder();
        for (int i = Math.min(pathPrefix, path.size()); i < path.size(); i++) {
            JsonMappingException.Reference r = path.get(i);
            String step = r.getFieldName() != null ? r.getFieldName() : r.getIndex() >= 0 ? String.valueOf(r.getIndex()) : null;
            if (step != null) b.append('/').append(step.replace("~", "~0").replace("/", "~1"));
        }
        return b.toString();
    }

    private static Throwable mappingCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException) return t;
        }
        return e;
    }

    /**
     * The protocol revisions the SDK client accepts in an InitializeResult: its transports' default
     * list, read from the SDK itself so that an upgrade of the SDK updates the check.
     */
    static List<String> acceptedProtocolVersions() {
        InvocationHandler defaults = (proxy, method, args) -> method.isDefault()
                ? InvocationHandler.invokeDefault(proxy, method, args) : null;
        McpTransport transport = (McpTransport) Proxy.newProxyInstance(SdkReceipt.class.getClassLoader(),
                new Class<?>[] {McpTransport.class}, defaults);
        return List.copyOf(transport.protocolVersions());
    }
}
