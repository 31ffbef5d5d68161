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
        return write(node, false).toString();
    }

    /** {@link #compact} in the calling thread's reused buffer, valid until the thread's next call here. */
    static CharText compactReused(JsonNode node) {
        return write(node, false);
    }

    /** RFC 8785 canonical JSON. */
    public static String canonical(JsonNode node) {
        return write(node, true).toString();
    }

    /** An object or array being written: its remaining members, and whether one was written yet. */
    private static final class Open {
        final Iterator<Map.Entry<String, JsonNode>> fields;
        final Iterator<JsonNode> elements;
        boolean first = true;

        Open(Iterator<Map.Entry<String, JsonNode>> fields, Iterator<JsonNode> elements) {
            this.fields = fields;
            this.elements = elements;
        }
    }

    // One buffer and one frame per open container: this runs on every tool of every scan
    // (token counting), so it allocates as little as it can.
    private static CharText write(JsonNode root, boolean canonical) {
        CharText out = BUFFER.get();
        out.setLength(0);
        try {
            write(root, canonical, out);
            return out;
        } finally {
            if (out.capacity() > MAX_KEPT_CAPACITY) BUFFER.remove(); // a huge value's buffer is not kept for the next
        }
    }

    // A thread's buffer is reused: growing a fresh one to each tool's size was a tenth of serializing it.
    private static final ThreadLocal<CharText> BUFFER = ThreadLocal.withInitial(() -> new CharText(4_096));
    private static final int MAX_KEPT_CAPACITY = 1 << 20;

    private static void write(JsonNode root, boolean canonical, CharText out) {
        Deque<Open> open = new ArrayDeque<>();
        begin(root == null ? com.fasterxml.jackson.databind.node.NullNode.instance : root, canonical, out, open);
        while (!open.isEmpty()) {
            Open top = open.peek();
            if (top.fields != null) {
                if (!top.fields.hasNext()) {
                    out.append('}');
                    open.pop();
                    continue;
                }
                Map.Entry<String, JsonNode> field = top.fields.next();
                if (!top.first) out.append(',');
                top.first = false;
                appendQuoted(field.getKey(), out);
                out.append(':');
                begin(field.getValue(), canonical, out, open);
            } else {
                if (!top.elements.hasNext()) {
                    out.append(']');
                    open.pop();
                    continue;
                }
                JsonNode element = top.elements.next();
                if (!top.first) out.append(',');
                top.first = false;
                begin(element, canonical, out, open);
            }
        }
    }

    private static void begin(JsonNode node, boolean canonical, CharText out, Deque<Open> open) {
        if (node.isObject()) {
            out.append('{');
            open.push(new Open(fields(node, canonical), null));
        } else if (node.isArray()) {
            out.append('[');
            open.push(new Open(null, node.elements()));
        } else {
            writeScalar(node, canonical, out);
        }
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node, boolean canonical) {
        if (!canonical) return node.fields();
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.size());
        node.fields().forEachRemaining(fields::add);
        fields.sort(Map.Entry.comparingByKey()); // String.compareTo is UTF-16 code unit order
        return fields.iterator();
    }

    private static void writeScalar(JsonNode node, boolean canonical, CharText out) {
        if (node.isTextual()) appendQuoted(node.asText(), out);
        else if (node.isNumber()) out.append(canonical ? esNumber(node) : node.asText());
        else if (node.isBoolean()) out.append(node.booleanValue() ? "true" : "false");
        else if (node.isBinary()) appendQuoted(node.asText(), out);
        else out.append("null");
    }

    /** JSON string literal; control characters and lone surrogates as \\u escapes. */
    public static String quote(String s) {
        CharText b = new CharText(s.length() + 2);
        appendQuoted(s, b);
        return b.toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void appendQuoted(String s, CharText b) {
        b.append('"');
        int start = b.length();
        b.append(s); // the usual case: nothing to escape, copied in bulk
        if (b.needsEscaping(start, b.length())) {
            b.setLength(start);
            appendEscaped(s, b);
        }
        b.append('"');
    }

    private static void appendEscaped(String s, CharText b) {
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
                    if (c < 0x20 || (Character.isSurrogate(c) && isLoneSurrogate(s, i))) {
                        b.append("\\u");
                        for (int shift = 12; shift >= 0; shift -= 4) b.append(HEX[(c >> shift) & 0xF]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
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
