package dev.mcpworkbench.inspector.rules.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON serialization without recursion, so a schema nested 10,000 deep serializes instead of
 * overflowing the stack. {@link #canonical} is RFC 8785 (JCS): keys sorted by UTF-16 code units,
 * ECMAScript number form, minimal string escaping.
 */
public final class JsonText {

    private JsonText() {
    }

    /** Compact JSON with keys in the order received. */
    public static String compact(JsonNode node) {
        return write(node, false);
    }

    /** RFC 8785 canonical JSON. */
    public static String canonical(JsonNode node) {
        return write(node, true);
    }

    private static String write(JsonNode root, boolean canonical) {
        StringBuilder out = new StringBuilder(256);
        Deque<Object> work = new ArrayDeque<>();
        work.push(root == null ? com.fasterxml.jackson.databind.node.NullNode.instance : root);
        while (!work.isEmpty()) {
            Object next = work.pop();
            if (next instanceof String literal) {
                out.append(literal);
                continue;
            }
            JsonNode node = (JsonNode) next;
            if (node.isObject()) pushObject(node, canonical, work);
            else if (node.isArray()) pushArray(node, work);
            else writeScalar(node, canonical, out);
        }
        return out.toString();
    }

    private static void pushObject(JsonNode node, boolean canonical, Deque<Object> work) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.size());
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) fields.add(it.next());
        if (canonical) fields.sort(Map.Entry.comparingByKey()); // String.compareTo is UTF-16 code unit order
        List<Object> seq = new ArrayList<>();
        seq.add("{");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) seq.add(",");
            seq.add(quote(fields.get(i).getKey()) + ":");
            seq.add(fields.get(i).getValue());
        }
        seq.add("}");
        for (int i = seq.size() - 1; i >= 0; i--) work.push(seq.get(i));
    }

    private static void pushArray(JsonNode node, Deque<Object> work) {
        List<Object> seq = new ArrayList<>();
        seq.add("[");
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) seq.add(",");
            seq.add(node.get(i));
        }
        seq.add("]");
        for (int i = seq.size() - 1; i >= 0; i--) work.push(seq.get(i));
    }

    private static void writeScalar(JsonNode node, boolean canonical, StringBuilder out) {
        if (node.isTextual()) out.append(quote(node.asText()));
        else if (node.isNumber()) out.append(canonical ? esNumber(node) : node.asText());
        else if (node.isBoolean()) out.append(node.booleanValue());
        else if (node.isBinary()) out.append(quote(node.asText()));
        else out.append("null");
    }

    /** JSON string literal; control characters and lone surrogates as \\u escapes. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }

    /** ECMAScript Number.prototype.toString of the value as an IEEE double (RFC 8785 §3.2.2.3). */
    static String esNumber(JsonNode node) {
        double d = node.asDouble();
        if (Double.isNaN(d) || Double.isInfinite(d)) return "null";
        if (d == 0) return "0";
        // Java's Double.toString gives the shortest round-tripping digits (JDK 19+); re-layout per ECMAScript
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int k = digits.length();
        int n = k - exact.scale(); // decimal point position: value = 0.digits × 10^n
        String sign = d < 0 ? "-" : "";
        if (k <= n && n <= 21) return sign + digits + "0".repeat(n - k);
        if (0 < n && n <= 21) return sign + digits.substring(0, n) + "." + digits.substring(n);
        if (-6 < n && n <= 0) return sign + "0." + "0".repeat(-n) + digits;
        int e = n - 1;
        String exp = (e >= 0 ? "+" : "-") + Math.abs(e);
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + exp;
    }
}
