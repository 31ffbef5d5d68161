package dev.mcpworkbench.inspector.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An ArrayNode whose elements stay in the message's bytes until first asked for: as
 * {@link LazyObjectNode}, with the list Jackson's ArrayNode keeps its elements in.
 */
final class LazyArrayNode extends com.fasterxml.jackson.databind.node.ArrayNode implements LazyContainer {

    private final transient Items items;

    private LazyArrayNode(JsonNodeFactory nodes, Items items) {
        super(nodes, items);
        this.items = items;
    }

    static LazyArrayNode of(JsonNodeFactory nodes, MessageSlice<List<JsonNode>> slice) {
        return new LazyArrayNode(nodes, new Items(slice));
    }

    /** The elements of a parsed array, in order, in a list of their own. */
    static List<JsonNode> elementsOf(JsonNode parsed) {
        List<JsonNode> elements = new ArrayList<>(parsed.size());
        for (JsonNode e : parsed) elements.add(e);
        return elements;
    }

    @Override
    public boolean isRead() {
        return items.slice.isRead();
    }

    @Override
    public void read() {
        items.slice.get();
    }

    @Override
    public int sentBytes() {
        return items.slice.size();
    }

    /** Every call goes to the parsed list; nothing is parsed before the first call. */
    private static final class Items implements List<JsonNode> {

        final MessageSlice<List<JsonNode>> slice;

        Items(MessageSlice<List<JsonNode>> slice) {
            this.slice = slice;
        }

        private List<JsonNode> l() {
            return slice.get();
        }

        @Override public int size() { return l().size(); }
        @Override public boolean isEmpty() { return l().isEmpty(); }
        @Override public boolean contains(Object o) { return l().contains(o); }
        @Override public Iterator<JsonNode> iterator() { return l().iterator(); }
        @Override public Object[] toArray() { return l().toArray(); }
        @Override public <T> T[] toArray(T[] a) { return l().toArray(a); }
        @Override public boolean add(JsonNode e) { return l().add(e); }
        @Override public boolean remove(Object o) { return l().remove(o); }
        @Override public boolean containsAll(Collection<?> c) { return l().containsAll(c); }
        @Override public boolean addAll(Collection<? extends JsonNode> c) { return l().addAll(c); }
        @Override public boolean addAll(int index, Collection<? extends JsonNode> c) { return l().addAll(index, c); }
        @Override public boolean removeAll(Collection<?> c) { return l().removeAll(c); }
        @Override public boolean retainAll(Collection<?> c) { return l().retainAll(c); }
        @Override public boolean removeIf(Predicate<? super JsonNode> filter) { return l().removeIf(filter); }
        @Override public void replaceAll(UnaryOperator<JsonNode> operator) { l().replaceAll(operator); }
        @Override public void sort(Comparator<? super JsonNode> c) { l().sort(c); }
        @Override public void clear() { l().clear(); }
        @Override public JsonNode get(int index) { return l().get(index); }
        @Override public JsonNode set(int index, JsonNode element) { return l().set(index, element); }
        @Override public void add(int index, JsonNode element) { l().add(index, element); }
        @Override public JsonNode remove(int index) { return l().remove(index); }
        @Override public int indexOf(Object o) { return l().indexOf(o); }
        @Override public int lastIndexOf(Object o) { return l().lastIndexOf(o); }
        @Override public ListIterator<JsonNode> listIterator() { return l().listIterator(); }
        @Override public ListIterator<JsonNode> listIterator(int index) { return l().listIterator(index); }
        @Override public List<JsonNode> subList(int from, int to) { return l().subList(from, to); }
        @Override public Spliterator<JsonNode> spliterator() { return l().spliterator(); }
        @Override public Stream<JsonNode> stream() { return l().stream(); }
        @Override public void forEach(Consumer<? super JsonNode> action) { l().forEach(action); }
        @Override public boolean equals(Object o) { return o == this || l().equals(o instanceof Items i ? i.l() : o); }
        @Override public int hashCode() { return l().hashCode(); }
        @Override public String toString() { return l().toString(); }
    }
}
