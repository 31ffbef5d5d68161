package dev.mcpworkbench.inspector.skills;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML front matter at the top of a SKILL.md (between two {@code ---} lines), and its
 * field-by-field comparison with the front matter the server listed: a host must not load a skill
 * whose file says something other than what the user was shown when choosing it.
 */
public final class FrontMatter {

    private static final Pattern BLOCK = Pattern.compile("\\A---\\r?\\n(.*?)\\r?\\n---[ \\t]*(?:\\r?\\n|\\z)", Pattern.DOTALL);
    /** Front matter is a few lines; a bigger block is not front matter worth parsing. */
    private static final int MAX_CHARS = 64 * 1024;
    private static final YAMLMapper YAML = new YAMLMapper();

    private FrontMatter() {
    }

    /** The front matter as a JSON object, or empty when the file has none or it is not a YAML mapping. */
    public static Optional<ObjectNode> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Matcher m = BLOCK.matcher(body);
        if (!m.find() || m.group(1).length() > MAX_CHARS) return Optional.empty();
        try {
            JsonNode node = YAML.readTree(m.group(1));
            return node instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Every field whose value differs between the file and the listing (a field missing on one side
     * counts as null), as "field: file=... listed=...". Numbers compare by value (1 equals 1.0).
     */
    public static List<String> differences(ObjectNode inFile, ObjectNode listed) {
        Set<String> fields = new LinkedHashSet<>();
        inFile.fieldNames().forEachRemaining(fields::add);
        listed.fieldNames().forEachRemaining(fields::add);
        List<String> out = new ArrayList<>();
        for (String field : fields) {
            JsonNode a = valueOf(inFile, field);
            JsonNode b = valueOf(listed, field);
            if (!a.equals(NUMERIC, b)) out.add(field + ": file=" + a + " listed=" + b);
        }
        return out;
    }

    private static JsonNode valueOf(ObjectNode object, String field) {
        JsonNode v = object.get(field);
        return v == null ? NullNode.instance : v;
    }

    private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue());
        return a.equals(b) ? 0 : 1;
    };
}
