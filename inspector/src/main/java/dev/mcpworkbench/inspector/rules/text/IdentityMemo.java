package dev.mcpworkbench.inspector.rules.text;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * A bounded, thread-safe memo keyed by object identity that does not keep its keys alive: once a
 * snapshot is dropped, its entries go with it. (The JDK has weak maps keyed by equality and strong
 * maps keyed by identity, not both; equality on a JSON tree costs as much as the work memoized.)
 */
final class IdentityMemo<K, V> {

    private final int limit;
    private final Map<Key<K>, V> map = new HashMap<>();
    private final ReferenceQueue<K> collected = new ReferenceQueue<>();

    IdentityMemo(int limit) {
        this.limit = limit;
    }

    synchronized V get(K key) {
        return map.get(new Key<>(key, null));
    }

    synchronized void put(K key, V value) {
        for (Object stale; (stale = collected.poll()) != null; ) map.remove(stale);
        if (map.size() >= limit) map.clear();
        map.put(new Key<>(key, collected), value);
    }

    synchronized void clear() {
        map.clear();
        while (collected.poll() != null) {
            // drained: these entries are gone already
        }
    }

    private static final class Key<K> extends WeakReference<K> {

        private final int hash;

        Key(K referent, ReferenceQueue<K> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) return true;
            if (!(other instanceof Key<?> key)) return false;
            Object mine = get();
            return mine != null && mine == key.get();
        }
    }
}
