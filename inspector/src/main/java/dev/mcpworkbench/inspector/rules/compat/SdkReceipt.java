package dev.mcpworkbench.inspector.rules.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpTransport;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What the official MCP Java SDK client makes of one answer when it receives it. The client reads
 * the message text with its {@link McpJsonMapper} into plain maps and lists, then converts the
 * result to the SDK's type ({@code McpClientSession}). Reading the text rejects only what breaks
 * Jackson's default read limits, checked here on the tree; the conversion is done by the SDK's own
 * mapper from the captured tree, which carries the same values as those maps, without writing and
 * re-reading every item (that tripled the cost on large servers). Either the SDK throws (it
 * rejects the answer) or it yields a value, converted back to JSON to see what it kept.
 *
 * <p>Items of a list are converted one by one, so that a rejection names the item; the SDK
 * itself converts the whole page and rejects it all.
 */
final class SdkReceipt {

    /** What the SDK did: {@code kept} is its value written back as JSON, or null when it rejected. */
    record Outcome(JsonNode kept, String reason, String pointer) {

        boolean rejected() {
            return kept == null;
        }

        static Outcome rejected(String reason, String pointer) {
            return new Outcome(null, reason, pointer);
        }
    }

    /** How one kind of item travels: the list it comes in and the SDK type of its items. */
    record Kind(String listField, Class<?> itemType) {
    }

    static final Kind TOOL = new Kind("tools", McpSchema.Tool.class);
    static final Kind RESOURCE = new Kind("resources", McpSchema.Resource.class);
    static final Kind RESOURCE_TEMPLATE = new Kind("resourceTemplates", McpSchema.ResourceTemplate.class);
    static final Kind PROMPT = new Kind("prompts", McpSchema.Prompt.class);

    private SdkReceipt() {
    }

    /** One list item as the SDK client converts it inside its list result. */
    static Outcome item(Kind kind, JsonNode item) {
        Outcome unreadable = unreadable(item, 3); // the message, its result and the list hold the item
        return unreadable != null ? unreadable : receive(item, kind.itemType());
    }

    static Outcome initializeResult(JsonNode result) {
        Outcome unreadable = unreadable(result, 1);
        return unreadable != null ? unreadable : receive(result, McpSchema.InitializeResult.class);
    }

    static Outcome callToolResult(JsonNode result) {
        Outcome unreadable = unreadable(result, 1);
        return unreadable != null ? unreadable : receive(result, McpSchema.CallToolResult.class);
    }

    private static Outcome receive(JsonNode sent, Class<?> type) {
        McpJsonMapper sdk = McpJsonDefaults.getMapper();
        try {
            Object value = sdk.convertValue(sent, type);
            return new Outcome(sdk.convertValue(value, JsonNode.class), "", ""); // what it would write back
        } catch (IllegalArgumentException e) { // Jackson's conversion failure: the SDK rejects the answer
            return Outcome.rejected(reason(e), pointer(e));
        }
    }

    /**
     * The SDK reads messages with Jackson's default limits: nesting deeper than 1,000 levels, or a
     * string longer than 20 million characters, and it rejects the message before converting it.
     */
    private static Outcome unreadable(JsonNode body, int envelope) {
        StreamReadConstraints limits = StreamReadConstraints.defaults();
        int depth = envelope + depthOf(body);
        if (depth > limits.getMaxNestingDepth()) {
            return Outcome.rejected("the message nests " + depth + " levels deep; the SDK reads at most " + limits.getMaxNestingDepth(), "");
        }
        String longest = longestStringPointer(body, limits.getMaxStringLength());
        if (longest != null) {
            return Outcome.rejected("a string is longer than the " + limits.getMaxStringLength() + " characters the SDK reads", longest);
        }
        return null;
    }

    /** The pointer of the first string value or name longer than {@code max}, or null. */
    private static String longestStringPointer(JsonNode root, int max) {
        Deque<JsonNode> nodes = new ArrayDeque<>();
        Deque<String> pointers = new ArrayDeque<>();
        nodes.push(root);
        pointers.push("");
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.pop();
            String pointer = pointers.pop();
            if (node.isTextual() && node.textValue().length() > max) return pointer;
            if (node.isObject()) {
                for (var field : node.properties()) {
                    String step = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                    if (field.getKey().length() > max) return step;
                    nodes.push(field.getValue());
                    pointers.push(step);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    nodes.push(node.get(i));
                    pointers.push(pointer + "/" + i);
                }
            }
        }
        return null;
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

    /** The SDK's own words, without Jackson's source excerpt and reference chain. */
    private static String reason(Throwable e) {
        Throwable mapping = mappingCause(e);
        String text = mapping instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        if (text == null) text = e.getClass().getSimpleName();
        int cut = text.indexOf("\n at [Source");
        return (cut >= 0 ? text.substring(0, cut) : text).strip();
    }

    /** Where in the item Jackson stopped, as an RFC 6901 pointer ("" when it cannot tell). */
    private static String pointer(Throwable e) {
        if (!(mappingCause(e) instanceof JsonMappingException m)) return "";
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
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
