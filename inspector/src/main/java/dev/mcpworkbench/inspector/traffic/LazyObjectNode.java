package dev.mcpworkbench.inspector.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An ObjectNode whose members stay in the message's bytes until first asked for. Jackson's
 * ObjectNode keeps its members in the map it is given and reads them only through that map: the
 * map here parses its slice of the bytes on first use and hands every call to the result, so
 * has/get/size/iteration/equals/hashCode/serialization and changes see what an eagerly built
 * ObjectNode would.
 */
final class LazyObjectNode extends com.fasterxml.jackson.databind.node.ObjectNode implements LazyContainer {

    private final transient Fields fields;

    private LazyObjectNode(JsonNodeFactory nodes, Fields fields) {
        super(nodes, fields);
        this.fields = fields;
    }

    static LazyObjectNode of(JsonNodeFactory nodes, MessageSlice<Map<String, JsonNode>> slice) {
        return new LazyObjectNode(nodes, new Fields(slice));
    }

    /** The members of a parsed object, in order, in a map of their own. */
    static Map<String, JsonNode> membersOf(JsonNode parsed) {
        Map<String, JsonNode> members = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : parsed.properties()) members.put(e.getKey(), e.getValue());
        return members;
    }

    @Override
    public boolean isRead() {
        return fields.slice.isRead();
    }

    @Override
    public void read() {
        fields.slice.get();
    }

    @Override
    public int sentBytes() {
        return fields.slice.size();
    }

    /** Every call goes to the parsed map; nothing is parsed before the first call. */
    private static final class Fields implements Map<String, JsonNode> {

        final MessageSlice<Map<String, JsonNode>> slice;

        Fields(MessageSlice<Map<String, JsonNode>> slice) {
            this.slice = slice;
        }

        private Map<String, JsonNode> m() {
            return slice.get();
        }

        @Override public int size() { return m().size(); }
        @Override public boolean isEmpty() { return m().isEmpty(); }
        @Override public boolean containsKey(Object key) { return m().containsKey(key); }
        @Override public boolean containsValue(Object value) { return m().containsValue(value); }
        @Override public JsonNode get(Object key) { return m().get(key); }
        @Override public JsonNode put(String key, JsonNode value) { return m().put(key, value); }
        @Override public JsonNode remove(Object key) { return m().remove(key); }
        @Override public void putAll(Map<? extends String, ? extends JsonNode> other) { m().putAll(other); }
        @Override public void clear() { m().clear(); }
        @Override public Set<String> keySet() { return m().keySet(); }
        @Override public Collection<JsonNode> values() { return m().values(); }
        @Override public Set<Entry<String, JsonNode>> entrySet() { return m().entrySet(); }
        @Override public JsonNode getOrDefault(Object key, JsonNode fallback) { return m().getOrDefault(key, fallback); }
        @Override public void forEach(BiConsumer<? super String, ? super JsonNode> action) { m().forEach(action); }
        @Override public void replaceAll(BiFunction<? super String, ? super JsonNode, ? extends JsonNode> f) { m().replaceAll(f); }
        @Override public JsonNode putIfAbsent(String key, JsonNode value) { return m().putIfAbsent(key, value); }
        @Override public boolean remove(Object key, Object value) { return m().remove(key, value); }
        @Override public boolean replace(String key, JsonNode was, JsonNode now) { return m().replace(key, was, now); }
        @Override public JsonNode replace(String key, JsonNode value) { return m().replace(key, value); }
        @Override public JsonNode computeIfAbsent(String key, Function<? super String, ? extends JsonNode> f) { return m().computeIfAbsent(key, f); }
        @Override public JsonNode computeIfPresent(String key, BiFunction<? super String, ? super JsonNode, ? extends JsonNode> f) { return m().computeIfPresent(key, f); }
        @Override public JsonNode compute(String key, BiFunction<? super String, ? super JsonNode, ? extends JsonNode> f) { return m().compute(key, f); }
        @Override public JsonNode merge(String key, JsonNode value, BiFunction<? super JsonNode, ? super JsonNode, ? extends JsonNode> f) { return m().merge(key, value, f); }
        @Override public boolean equals(Object o) { return o == this || m().equals(o instanceof Fields f ? f.m() : o); }
        @Override public int hashCode() { return m().hashCode(); }
        @Override public String toString() { return m().toString(); }
    }
}
