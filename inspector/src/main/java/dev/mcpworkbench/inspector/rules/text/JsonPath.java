package dev.mcpworkbench.inspector.rules.text;

import dev.mcpworkbench.inspector.rules.SchemaWalk;
import java.util.ArrayDeque;
import java.util.Deque;

/** A JSON pointer kept as a parent chain, turned into text only when a finding needs it. */
final class JsonPath {

    private final JsonPath parent;
    private final String segment;

    JsonPath(JsonPath parent, String segment) {
        this.parent = parent;
        this.segment = segment;
    }

    boolean isTopLevel() {
        return parent == null;
    }

    String segment() {
        return segment;
    }

    String pointer() {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonPath p = this; p != null; p = p.parent) segments.push(p.segment);
        StringBuilder b = new StringBuilder();
        for (String s : segments) b.append('/').append(SchemaWalk.escape(s));
        return b.toString();
    }
}
