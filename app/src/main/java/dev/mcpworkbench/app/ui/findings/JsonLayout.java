package dev.mcpworkbench.app.ui.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON value pretty-printed with two-space indentation, remembering where every node landed in
 * the text (keyed by RFC 6901 pointer) so a finding's pointer can be highlighted in place.
 * Jackson's own pretty printer cannot report offsets, hence this small printer.
 */
public final class JsonLayout {

    /** Half-open character range [start, end) of one node's text (for object members: from the key). */
    public record Span(int start, int end) {
    }

    private final String text;
    private final Map<String, Span> spans;

    private JsonLayout(String text, Map<String, Span> spans) {
        this.text = text;
        this.spans = spans;
    }

    public static JsonLayout of(JsonNode node) {
        return of(node, "");
    }

    /**
     * The layout of {@code node} with the way to {@code pointer} in full: once the text passed
     * {@link #MAX_TEXT}, members and items off that way are left out, each container saying how
     * many it left out. A definition of 100,000 properties shows some pages of them, not all.
     */
    public static JsonLayout of(JsonNode node, String pointer) {
        Printer printer = new Printer(pointer == null ? "" : pointer);
        printer.value(node == null ? JsonNodeFactory.instance.nullNode() : node, "", 0, -1);
        return new JsonLayout(printer.out.toString(), printer.spans);
    }

    public String text() {
        return text;
    }

    /**
     * The span of the node at {@code pointer}; a pointer that does not resolve falls back to its
     * deepest existing ancestor, so evidence is shown near where it was found.
     */
    public Optional<Span> span(String pointer) {
        String current = pointer == null ? "" : pointer;
        while (true) {
            Span span = spans.get(current);
            if (span != null) return Optional.of(span);
            if (current.isEmpty()) return Optional.empty();
            current = current.substring(0, Math.max(0, current.lastIndexOf('/')));
        }
    }

    /** Line index (0-based) of a character offset, for scrolling the highlight into view. */
    public int lineOf(int offset) {
        int line = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') line++;
        }
        return line;
    }

    /** Longer strings are cut for display: a hostile server must not freeze the view. */
    static final int MAX_STRING = 20_000;
    /**
     * The text past which only the way to the highlighted node is printed: the definition area
     * copies, styles and measures all of its text, a few pages are what it shows.
     */
    static final int MAX_TEXT = 16 * 1024;

    private static final class Printer {
        private final StringBuilder out = new StringBuilder();
        private final Map<String, Span> spans = new HashMap<>();
        private final String target;
        /** Where the target's text began while it is being printed, else -1. */
        private int targetStart = -1;

        Printer(String target) {
            this.target = target;
        }

        /**
         * Whether the node at {@code pointer} is printed: always on the way to the target, inside
         * the target while its own text is short (the highlight shows it), else while the text is.
         */
        private boolean printed(String pointer) {
            if (out.length() < MAX_TEXT || target.equals(pointer) || target.startsWith(pointer + "/")) return true;
            return targetStart >= 0 && out.length() - targetStart < MAX_TEXT;
        }

        private void leftOut(int count, String what, int depth) {
            if (count == 0) return;
            indent(depth);
            out.append("\u2026 ").append(String.format(java.util.Locale.ROOT, "%,d", count)).append(' ').append(what)
                    .append(count == 1 ? "" : "s").append(" not shown\n");
        }

        /** @param memberStart where the member's key began, or -1 for array items and the root */
        void value(JsonNode node, String pointer, int depth, int memberStart) {
            int start = memberStart >= 0 ? memberStart : out.length();
            boolean isTarget = pointer.equals(target);
            if (isTarget) targetStart = start;
            if (node.isObject()) {
                object(node, pointer, depth);
            } else if (node.isArray()) {
                array(node, pointer, depth);
            } else if (node.isTextual()) {
                out.append(quote(node.asText()));
            } else {
                out.append(node.toString());
            }
            spans.put(pointer, new Span(start, out.length()));
            if (isTarget) targetStart = -1;
        }

        private void object(JsonNode node, String pointer, int depth) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            int left = 0;
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String member = pointer + "/" + escape(field.getKey());
                if (!printed(member)) {
                    left++;
                    continue;
                }
                if (!first) out.append(",\n");
                first = false;
                indent(depth + 1);
                int keyStart = out.length();
                out.append(quote(field.getKey())).append(": ");
                value(field.getValue(), member, depth + 1, keyStart);
            }
            if (!first) out.append('\n');
            leftOut(left, "member", depth + 1);
            indent(depth);
            out.append('}');
        }

        private void array(JsonNode node, String pointer, int depth) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            int left = 0;
            boolean first = true;
            for (int i = 0; i < node.size(); i++) {
                String item = pointer + "/" + i;
                if (!printed(item)) {
                    left++;
                    continue;
                }
                if (!first) out.append(",\n");
                first = false;
                indent(depth + 1);
                value(node.get(i), item, depth + 1, -1);
            }
            if (!first) out.append('\n');
            leftOut(left, "item", depth + 1);
            indent(depth);
            out.append(']');
        }

        private void indent(int depth) {
            out.append("  ".repeat(depth));
        }

        /**
         * JSON string literal in which invisible characters (format, control, private-use,
         * unassigned; tag characters; variation selectors) are spelled as escapes: hidden text in a
         * hostile description must be seen, not silently rendered as nothing.
         */
        static String quote(String value) {
            String shown = value.length() > MAX_STRING
                    ? value.substring(0, MAX_STRING) + "\u2026 (" + (value.length() - MAX_STRING) + " more characters)"
                    : value;
            StringBuilder b = new StringBuilder(shown.length() + 2).append('"');
            shown.codePoints().forEach(cp -> appendCodePoint(b, cp));
            return b.append('"').toString();
        }

        private static void appendCodePoint(StringBuilder b, int cp) {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (isInvisible(cp)) {
                        for (char c : Character.toChars(cp)) b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        }

        static boolean isInvisible(int cp) {
            int type = Character.getType(cp);
            return type == Character.FORMAT || type == Character.CONTROL || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED || type == Character.SURROGATE
                    || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)
                    || (cp >= 0xE0000 && cp <= 0xE007F);
        }

        private static String escape(String key) {
            return key.replace("~", "~0").replace("/", "~1");
        }
    }
}
