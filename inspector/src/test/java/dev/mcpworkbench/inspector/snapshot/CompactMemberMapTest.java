package dev.mcpworkbench.inspector.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The compact map does, step by step, what a LinkedHashMap does: random operations (puts of new and
 * present names, removals, iterator removals, entry writes through setValue, bulk removals through
 * the views) run on both, through the switch to the big form, and both are compared after each.
 */
class CompactMemberMapTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** More names than the small form holds, so that maps cross into the big form; null is a name too. */
    private static final String[] NAMES = {"type", "text", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "", null};

    @Test
    void randomOperationsMatchLinkedHashMapStepByStep() {
        for (long seed = 0; seed < 150; seed++) {
            Random random = new Random(seed);
            Map<String, JsonNode> expected = new LinkedHashMap<>();
            CompactMemberMap actual = new CompactMemberMap();
            boolean wentBig = false;
            for (int step = 0; step < 200; step++) {
                String what = operate(random, expected, actual);
                assertSame(expected, actual, "seed " + seed + " step " + step + " " + what);
                wentBig |= actual.size() > CompactMemberMap.SMALL_MAX;
            }
            if (seed == 0) assertThat(wentBig).as("the sequence reaches the big form").isTrue();
        }
    }

    /** One random operation, done on both maps, its results compared; returns what it was. */
    private static String operate(Random random, Map<String, JsonNode> expected, CompactMemberMap actual) {
        String name = NAMES[random.nextInt(NAMES.length)];
        JsonNode value = random.nextInt(20) == 0 ? null : NODES.numberNode(random.nextInt(5));
        int op = random.nextInt(100);
        if (op < 40) {
            assertThat(actual.put(name, value)).isEqualTo(expected.put(name, value));
            return "put " + name;
        }
        if (op < 52) {
            assertThat(actual.remove(name)).isEqualTo(expected.remove(name));
            return "remove " + name;
        }
        if (op < 60) {
            assertThat(actual.get(name)).isEqualTo(expected.get(name));
            assertThat(actual.containsKey(name)).isEqualTo(expected.containsKey(name));
            assertThat(actual.containsValue(value)).isEqualTo(expected.containsValue(value));
            assertThat(actual.entrySet().contains(Map.entry(name == null ? "x" : name, NODES.numberNode(1))))
                    .isEqualTo(expected.entrySet().contains(Map.entry(name == null ? "x" : name, NODES.numberNode(1))));
            return "look up " + name;
        }
        if (op < 72) {
            // walk the entries: remove some through the iterator, write others through setValue
            Iterator<Map.Entry<String, JsonNode>> e = expected.entrySet().iterator();
            Iterator<Map.Entry<String, JsonNode>> a = actual.entrySet().iterator();
            while (e.hasNext()) {
                assertThat(a.hasNext()).isTrue();
                Map.Entry<String, JsonNode> ee = e.next();
                Map.Entry<String, JsonNode> ae = a.next();
                assertThat(ae).isEqualTo(ee);
                assertThat(ae.hashCode()).isEqualTo(ee.hashCode());
                assertThat(ae.toString()).isEqualTo(ee.toString());
                int choice = random.nextInt(4);
                if (choice == 0) {
                    e.remove();
                    a.remove();
                    // a removed entry stands alone: writing it changes nothing in the map
                    JsonNode detached = NODES.textNode("detached");
                    assertThat(ae.setValue(detached)).isEqualTo(ee.setValue(detached));
                    assertThat(ae.getValue()).isEqualTo(ee.getValue());
                } else if (choice == 1) {
                    JsonNode written = NODES.textNode("set " + random.nextInt(3));
                    assertThat(ae.setValue(written)).isEqualTo(ee.setValue(written));
                }
            }
            assertThat(a.hasNext()).isFalse();
            return "entries";
        }
        if (op < 78) {
            Iterator<String> e = expected.keySet().iterator();
            Iterator<String> a = actual.keySet().iterator();
            while (e.hasNext()) {
                assertThat(a.next()).isEqualTo(e.next());
                if (random.nextBoolean()) {
                    e.remove();
                    a.remove();
                }
            }
            assertThat(a.hasNext()).isFalse();
            return "names";
        }
        if (op < 82) {
            Iterator<JsonNode> e = expected.values().iterator();
            Iterator<JsonNode> a = actual.values().iterator();
            while (e.hasNext()) {
                assertThat(a.next()).isEqualTo(e.next());
                if (random.nextInt(3) == 0) {
                    e.remove();
                    a.remove();
                }
            }
            assertThat(a.hasNext()).isFalse();
            return "values";
        }
        if (op < 85) {
            // ObjectNode.retain and remove(Collection) work through the key set
            Set<String> some = new HashSet<>(Arrays.asList(NAMES[random.nextInt(4)], NAMES[4 + random.nextInt(10)]));  // may hold null
            boolean retain = random.nextBoolean();
            assertThat(retain ? actual.keySet().retainAll(some) : actual.keySet().removeAll(some))
                    .isEqualTo(retain ? expected.keySet().retainAll(some) : expected.keySet().removeAll(some));
            return retain ? "retain " + some : "remove all " + some;
        }
        if (op < 88) {
            // ObjectNode.removeIf works through the values
            int gone = random.nextInt(5);
            assertThat(actual.values().removeIf(v -> v != null && v.asInt() == gone))
                    .isEqualTo(expected.values().removeIf(v -> v != null && v.asInt() == gone));
            return "remove if " + gone;
        }
        if (op < 95) {
            Map<String, JsonNode> more = new LinkedHashMap<>();
            for (int i = random.nextInt(6); i > 0; i--) more.put(NAMES[random.nextInt(NAMES.length)], NODES.numberNode(i));
            actual.putAll(more);
            expected.putAll(more);
            return "put all " + more.keySet();
        }
        if (op < 97) {
            assertThat(actual.putIfAbsent(name, value)).isEqualTo(expected.putIfAbsent(name, value));
            return "put if absent " + name;
        }
        actual.clear();
        expected.clear();
        return "clear";
    }

    private static void assertSame(Map<String, JsonNode> expected, CompactMemberMap actual, String step) {
        assertThat(actual.size()).as(step).isEqualTo(expected.size());
        assertThat(actual.isEmpty()).as(step).isEqualTo(expected.isEmpty());
        assertThat(new ArrayList<>(actual.entrySet())).as(step).containsExactlyElementsOf(new ArrayList<>(expected.entrySet()));
        assertThat(new ArrayList<>(actual.keySet())).as(step).containsExactlyElementsOf(new ArrayList<>(expected.keySet()));
        assertThat(new ArrayList<>(actual.values())).as(step).containsExactlyElementsOf(new ArrayList<>(expected.values()));
        List<String> order = new ArrayList<>();
        actual.forEach((k, v) -> order.add(k + "=" + v));
        List<String> expectedOrder = new ArrayList<>();
        expected.forEach((k, v) -> expectedOrder.add(k + "=" + v));
        assertThat(order).as(step).isEqualTo(expectedOrder);
        assertThat(actual.equals(expected)).as(step).isTrue();
        assertThat(expected.equals(actual)).as(step).isTrue();
        assertThat(actual.hashCode()).as(step).isEqualTo(expected.hashCode());
        assertThat(actual.toString()).as(step).isEqualTo(expected.toString());
        for (String name : NAMES) {
            assertThat(actual.get(name)).as(step + " get " + name).isEqualTo(expected.get(name));
            assertThat(actual.containsKey(name)).as(step + " has " + name).isEqualTo(expected.containsKey(name));
        }
    }

    @Test
    void unequalMapsAreUnequalBothWays() {
        CompactMemberMap actual = new CompactMemberMap();
        actual.put("type", NODES.textNode("text"));
        actual.put("n", null);
        Map<String, JsonNode> other = new LinkedHashMap<>();
        other.put("type", NODES.textNode("text"));
        other.put("m", null);  // same size, a null value under another name
        assertThat(actual.equals(other)).isFalse();
        assertThat(other.equals(actual)).isFalse();
        other.remove("m");
        other.put("n", NODES.nullNode());  // a NullNode is not a null
        assertThat(actual.equals(other)).isFalse();
        assertThat(other.equals(actual)).isFalse();
        other.put("n", null);
        assertThat(actual.equals(other)).isTrue();
        assertThat(other.equals(actual)).isTrue();
    }

    @Test
    void iteratorsFailFastOnStructuralChangesOnlyAsLinkedHashMapsDo() {
        for (int members : new int[] {2, CompactMemberMap.SMALL_MAX, CompactMemberMap.SMALL_MAX + 3}) {
            List<Map<String, JsonNode>> maps = List.of(new LinkedHashMap<>(), new CompactMemberMap());
            for (Map<String, JsonNode> map : maps) {
                for (int i = 0; i < members; i++) map.put("m" + i, NODES.numberNode(i));
                Iterator<String> names = map.keySet().iterator();
                names.next();
                map.put("m0", NODES.textNode("replaced"));  // not structural
                names.next();
                map.put("new", NODES.nullNode());  // structural (and the switch to the big form at 8)
                assertThatThrownBy(names::next).as(members + " members, " + map.getClass().getSimpleName())
                        .isInstanceOf(ConcurrentModificationException.class);
                Iterator<JsonNode> values = map.values().iterator();
                values.next();
                map.remove("m1");
                assertThatThrownBy(values::next).isInstanceOf(ConcurrentModificationException.class);
            }
        }
    }
}
