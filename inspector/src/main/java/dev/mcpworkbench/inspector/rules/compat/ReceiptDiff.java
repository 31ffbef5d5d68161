package dev.mcpworkbench.inspector.rules.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The differences between what a server sent and what the SDK kept of it: values it changed (a
 * number rounded, a number read as a string) and required fields it filled in with a default.
 * Fields it dropped are not differences here: measured on SDK 2.1.0 it drops exactly the fields
 * outside the schema it reads, which are either vendor fields every spec-following client ignores
 * or spec fields the SDK does not model yet (tool {@code execution}, the {@code tasks}
 * capability, {@code icons} of a resource link): the SDK's gap, not the server's flaw.
 */
final class ReceiptDiff {

    enum Change { ALTERED, FILLED_IN }

    /** One difference at {@code pointer}: the value sent (missing or null when filled in) and the value kept. */
    record Difference(Change change, String pointer, JsonNode sent, JsonNode kept) {
    }

    private ReceiptDiff() {
    }

    static List<Difference> between(JsonNode sent, JsonNode kept) {
        List<Difference> out = new ArrayList<>();
        compare(sent, kept, "", out);
        return out;
    }

    private static void compare(JsonNode sent, JsonNode kept, String pointer, List<Difference> out) {
        boolean sentNothing = sent == null || sent.isMissingNode() || sent.isNull();
        boolean keptNothing = kept == null || kept.isMissingNode() || kept.isNull();
        if (sentNothing && keptNothing) return;
        if (sentNothing) {
            out.add(new Difference(Change.FILLED_IN, pointer, sent, kept));
        } else if (keptNothing) {
            return; // dropped: see the class comment
        } else if (sent.isObject() && kept.isObject()) {
            compareObjects(sent, kept, pointer, out);
        } else if (sent.isArray() && kept.isArray() && sent.size() == kept.size()) {
            for (int i = 0; i < sent.size(); i++) compare(sent.get(i), kept.get(i), pointer + "/" + i, out);
        } else if (!sameValue(sent, kept)) {
            out.add(new Difference(Change.ALTERED, pointer, sent, kept));
        }
    }

    private static void compareObjects(JsonNode sent, JsonNode kept, String pointer, List<Difference> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            compare(field.getValue(), kept.get(field.getKey()), pointer + "/" + escape(field.getKey()), out);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = kept.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!sent.has(field.getKey())) compare(null, field.getValue(), pointer + "/" + escape(field.getKey()), out);
        }
    }

    /** Numbers compare by value (5 and 5.0 are the same number); everything else by JSON equality. */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            if (!Double.isFinite(a.doubleValue()) || !Double.isFinite(b.doubleValue())) return a.doubleValue() == b.doubleValue();
            BigDecimal x = a.decimalValue();
            BigDecimal y = b.decimalValue();
            return x.compareTo(y) == 0;
        }
        return a.equals(b);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
