package dev.mcpworkbench.inspector.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractCollection;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The members of an {@code ObjectNode} in insertion order, as a {@link LinkedHashMap} keeps them,
 * for a fraction of its memory while the object is small.
 *
 * <p>Why: a tool result of 100,000 content blocks ({@code {"type":"text","text":…}}) is 100,000
 * objects of two members, and a snapshot of 200,000 tools some two million objects, most of them
 * schema fragments of one to three members. As a LinkedHashMap the members of a two-member object
 * cost, under ZGC (no compressed pointers, as the app runs), some 280 bytes: the map (88), its table
 * (about 55), an entry per member (56 each), its entry-set view once iterated (24). Here they cost this
 * object (24 bytes) and one array holding names and values side by side (48 bytes for up to two
 * members; 24 and 32 with compressed pointers, against some 190). Up to {@value #SMALL_MAX}
 * members are found by a linear search, as fast as hashing at that size; past it the members move
 * into a LinkedHashMap inside, for good (a map that grew big stays big, so an iteration in progress
 * never sees its storage change form, and a big object's extra wrapper is negligible).
 *
 * <p>Behaves as a LinkedHashMap in everything Jackson's ObjectNode does with its children: a put
 * of a present name replaces its value in place, a removed name put again goes last, entries write
 * through {@code setValue}, iterators remove, {@code equals} and {@code hashCode} follow the {@link
 * Map} contract (so an ObjectNode over this map equals a plain Jackson one both ways), a null name
 * is a name like any other. Not thread-safe, like LinkedHashMap.
 */
final class CompactMemberMap implements Map<String, JsonNode> {

    /** The most members kept in the array; a linear search over eight names costs no more than a hash. */
    static final int SMALL_MAX = 8;

    private static final Object[] EMPTY = {};
    /** The bits of {@link #counts} that hold the size: up to 15, and the small form holds 8. */
    private static final int SIZE_BITS = 0xF;
    private static final int ONE_CHANGE = SIZE_BITS + 1;

    /**
     * While small: names at even indices, values at the odd one after, as many pairs in use as
     * {@link #counts} says.
     * Once big: a LinkedHashMap holding every member (one field for both forms keeps this object
     * small).
     */
    private Object store = EMPTY;
    /**
     * The pairs in use while small (0 once big) in the low four bits, and above them a count of
     * structural changes while small, so that an iterator fails fast as LinkedHashMap's does. One
     * int for both: without compressed pointers (ZGC, which the app runs on) a second one would make
     * this object 32 bytes instead of 24.
     */
    private int counts;

    /** Pairs in use in the small form. */
    private int smallSize() {
        return counts & SIZE_BITS;
    }

    private int changes() {
        return counts & ~SIZE_BITS;
    }

    @SuppressWarnings("unchecked")
    private LinkedHashMap<String, JsonNode> big() {
        return store instanceof LinkedHashMap<?, ?> map ? (LinkedHashMap<String, JsonNode>) map : null;
    }

    /** The index of {@code name}'s pair (name at 2i) in the small form, or -1. */
    private int indexOf(Object name) {
        Object[] pairs = (Object[]) store;
        for (int i = 0, n = smallSize() * 2; i < n; i += 2) {
            if (Objects.equals(pairs[i], name)) return i / 2;
        }
        return -1;
    }

    @Override
    public int size() {
        LinkedHashMap<String, JsonNode> big = big();
        return big != null ? big.size() : smallSize();
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public boolean containsKey(Object name) {
        LinkedHashMap<String, JsonNode> big = big();
        return big != null ? big.containsKey(name) : indexOf(name) >= 0;
    }

    @Override
    public boolean containsValue(Object value) {
        LinkedHashMap<String, JsonNode> big = big();
        if (big != null) return big.containsValue(value);
        Object[] pairs = (Object[]) store;
        for (int i = 1, n = smallSize() * 2; i < n; i += 2) {
            if (Objects.equals(pairs[i], value)) return true;
        }
        return false;
    }

    @Override
    public JsonNode get(Object name) {
        LinkedHashMap<String, JsonNode> big = big();
        if (big != null) return big.get(name);
        int i = indexOf(name);
        return i < 0 ? null : (JsonNode) ((Object[]) store)[2 * i + 1];
    }

    @Override
    public JsonNode put(String name, JsonNode value) {
        LinkedHashMap<String, JsonNode> big = big();
        if (big != null) return big.put(name, value);
        Object[] pairs = (Object[]) store;
        int i = indexOf(name);
        if (i >= 0) {
            JsonNode old = (JsonNode) pairs[2 * i + 1];
            pairs[2 * i + 1] = value;
            return old;
        }
        counts += ONE_CHANGE;
        int size = smallSize();
        if (size == SMALL_MAX) {
            LinkedHashMap<String, JsonNode> grown = new LinkedHashMap<>(SMALL_MAX * 4);
            forEach(grown::put);
            grown.put(name, value);
            store = grown;
            counts &= ~SIZE_BITS;
            return null;
        }
        if (2 * size == pairs.length) {
            // 2 pairs, then 4, then 8: most objects here have one to three members
            pairs = Arrays.copyOf(pairs, Math.max(4, pairs.length * 2));
            store = pairs;
        }
        pairs[2 * size] = name;
        pairs[2 * size + 1] = value;
        counts++;
        return null;
    }

    @Override
    public JsonNode remove(Object name) {
        LinkedHashMap<String, JsonNode> big = big();
        if (big != null) return big.remove(name);
        int i = indexOf(name);
        if (i < 0) return null;
        JsonNode old = (JsonNode) ((Object[]) store)[2 * i + 1];
        removeAt(i);
        return old;
    }

    /** Removes the pair at {@code i} of the small form, closing the gap so that order is kept. */
    private void removeAt(int i) {
        Object[] pairs = (Object[]) store;
        int size = smallSize();
        System.arraycopy(pairs, 2 * i + 2, pairs, 2 * i, 2 * (size - i - 1));
        size--;
        pairs[2 * size] = null;
        pairs[2 * size + 1] = null;
        counts--;
        counts += ONE_CHANGE;
    }

    @Override
    public void putAll(Map<? extends String, ? extends JsonNode> members) {
        for (Map.Entry<? extends String, ? extends JsonNode> e : members.entrySet()) put(e.getKey(), e.getValue());
    }

    @Override
    public void clear() {
        LinkedHashMap<String, JsonNode> big = big();
        if (big != null) {
            big.clear();
            return;
        }
        if (smallSize() > 0) counts += ONE_CHANGE;
        Arrays.fill((Object[]) store, null);
        counts &= ~SIZE_BITS;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super JsonNode> action) {
        LinkedHashMap<String, JsonNode> big = big();
        if (big != null) {
            big.forEach(action);
            return;
        }
        Object[] pairs = (Object[]) store;
        int expected = changes();
        for (int i = 0, n = smallSize(); i < n; i++) {
            action.accept((String) pairs[2 * i], (JsonNode) pairs[2 * i + 1]);
            if (changes() != expected) throw new ConcurrentModificationException();
        }
    }

    @Override
    public Set<Map.Entry<String, JsonNode>> entrySet() {
        LinkedHashMap<String, JsonNode> big = big();
        if (big != null) return big.entrySet();
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, JsonNode>> iterator() {
                return CompactMemberMap.this.big() != null ? CompactMemberMap.this.big().entrySet().iterator() : new Members<>() {
                    @Override
                    Map.Entry<String, JsonNode> at(int i) {
                        return new Member((String) ((Object[]) store)[2 * i], i);
                    }
                };
            }

            @Override
            public int size() {
                return CompactMemberMap.this.size();
            }

            @Override
            public boolean contains(Object o) {
                if (!(o instanceof Map.Entry<?, ?> e) || !containsKey(e.getKey())) return false;
                return Objects.equals(get(e.getKey()), e.getValue());
            }

            @Override
            public boolean remove(Object o) {
                if (!contains(o)) return false;
                CompactMemberMap.this.remove(((Map.Entry<?, ?>) o).getKey());
                return true;
            }

            @Override
            public void clear() {
                CompactMemberMap.this.clear();
            }
        };
    }

    @Override
    public Set<String> keySet() {
        LinkedHashMap<String, JsonNode> big = big();
        if (big != null) return big.keySet();
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return CompactMemberMap.this.big() != null ? CompactMemberMap.this.big().keySet().iterator() : new Members<>() {
                    @Override
                    String at(int i) {
                        return (String) ((Object[]) store)[2 * i];
                    }
                };
            }

            @Override
            public int size() {
                return CompactMemberMap.this.size();
            }

            @Override
            public boolean contains(Object name) {
                return containsKey(name);
            }

            @Override
            public boolean remove(Object name) {
                if (!containsKey(name)) return false;
                CompactMemberMap.this.remove(name);
                return true;
            }

            @Override
            public void clear() {
                CompactMemberMap.this.clear();
            }
        };
    }

    @Override
    public Collection<JsonNode> values() {
        LinkedHashMap<String, JsonNode> big = big();
        if (big != null) return big.values();
        return new AbstractCollection<>() {
            @Override
            public Iterator<JsonNode> iterator() {
                return CompactMemberMap.this.big() != null ? CompactMemberMap.this.big().values().iterator() : new Members<>() {
                    @Override
                    JsonNode at(int i) {
                        return (JsonNode) ((Object[]) store)[2 * i + 1];
                    }
                };
            }

            @Override
            public int size() {
                return CompactMemberMap.this.size();
            }

            @Override
            public boolean contains(Object value) {
                return containsValue(value);
            }

            @Override
            public void clear() {
                CompactMemberMap.this.clear();
            }
        };
    }

    /**
     * An iterator over the small form, failing fast on changes made other than through it. A map
     * grows big only by a put of a new name, a structural change, so the small form cannot change
     * under a live iterator unnoticed.
     */
    private abstract class Members<T> implements Iterator<T> {
        private int next;
        private int last = -1;
        private int expected = changes();

        abstract T at(int i);

        @Override
        public boolean hasNext() {
            return next < size();
        }

        @Override
        public T next() {
            if (changes() != expected || big() != null) throw new ConcurrentModificationException();
            if (next >= smallSize()) throw new NoSuchElementException();
            last = next++;
            return at(last);
        }

        @Override
        public void remove() {
            if (last < 0) throw new IllegalStateException();
            if (changes() != expected || big() != null) throw new ConcurrentModificationException();
            removeAt(last);
            next = last;
            last = -1;
            expected = changes();
        }
    }

    /**
     * A member of the small form, made as an iteration reaches it (the map keeps no entry objects).
     * It remembers its name and where it was, and finds the name again when that moved (an earlier
     * member was removed); once it sees its name gone it keeps its last value, as a removed
     * LinkedHashMap entry does. One difference no caller here meets: an entry that did not look
     * between its name's removal and the name's return writes to the returned member.
     */
    private final class Member implements Map.Entry<String, JsonNode> {
        private final String name;
        private int index;
        private JsonNode detached;

        Member(String name, int index) {
            this.name = name;
            this.index = index;
            this.detached = (JsonNode) ((Object[]) store)[2 * index + 1];
        }

        /** Set once the member was seen removed: from then on the entry stands alone. */
        private boolean removed;

        /** The pair index of this member in the small form now, or -1 when it is not there. */
        private int locate() {
            if (removed || big() != null) return -1;
            Object[] pairs = (Object[]) store;
            if (index < smallSize() && pairs[2 * index] == name) return index;
            index = indexOf(name);
            if (index < 0) removed = true;
            return index;
        }

        /** Whether the map grew big with this member still in it. */
        private boolean inBig() {
            if (removed || big() == null) return false;
            if (!big().containsKey(name)) removed = true;
            return !removed;
        }

        @Override
        public String getKey() {
            return name;
        }

        @Override
        public JsonNode getValue() {
            int i = locate();
            if (i >= 0) detached = (JsonNode) ((Object[]) store)[2 * i + 1];
            else if (inBig()) detached = big().get(name);
            return detached;
        }

        @Override
        public JsonNode setValue(JsonNode value) {
            JsonNode old = getValue();
            int i = locate();
            if (i >= 0) ((Object[]) store)[2 * i + 1] = value;
            else if (inBig()) big().put(name, value);
            detached = value;
            return old;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && Objects.equals(name, e.getKey()) && Objects.equals(getValue(), e.getValue());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name) ^ Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return name + "=" + getValue();
        }
    }

    /** As {@link java.util.AbstractMap#equals}: any map with the same names mapped to equal values. */
    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof Map<?, ?> other) || other.size() != size()) return false;
        try {
            for (Map.Entry<String, JsonNode> e : entrySet()) {
                JsonNode value = e.getValue();
                if (value == null ? other.get(e.getKey()) != null || !other.containsKey(e.getKey())
                        : !value.equals(other.get(e.getKey()))) return false;
            }
        } catch (ClassCastException | NullPointerException unused) {
            return false;
        }
        return true;
    }

    /** As {@link java.util.AbstractMap#hashCode}: the sum of the entries' hash codes. */
    @Override
    public int hashCode() {
        LinkedHashMap<String, JsonNode> big = big();
        if (big != null) return big.hashCode();
        Object[] pairs = (Object[]) store;
        int h = 0;
        for (int i = 0, n = smallSize(); i < n; i++) h += Objects.hashCode(pairs[2 * i]) ^ Objects.hashCode(pairs[2 * i + 1]);
        return h;
    }

    /** As {@link java.util.AbstractMap#toString}: {@code {name=value, …}}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("{");
        for (Map.Entry<String, JsonNode> e : entrySet()) {
            if (s.length() > 1) s.append(", ");
            s.append(e.getKey()).append('=').append(e.getValue());
        }
        return s.append('}').toString();
    }
}
