package dev.mcpworkbench.inspector.rules.surface;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.SchemaNode;
import dev.mcpworkbench.inspector.rules.ToolView;
import dev.mcpworkbench.inspector.rules.text.Identifiers;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.rules.text.VerbAndNouns;
import dev.mcpworkbench.inspector.rules.text.Words;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Router (dispatcher) tools: one tool whose {@code action}, {@code operation}, {@code command} or
 * {@code method} parameter picks a sub-operation from a fixed list, given as an enum or const, or
 * as a closed list in a description ("one of: list, get, delete"), sometimes with a "help" or
 * "learn" mode that lists them. Such a parameter carries a sub-command name, not program text; the
 * tool's real surface is its sub-operations, which the rules judge instead of the parameter.
 */
public final class Routers {

    /** A router: its selector parameter and the sub-operations it names (possibly none when only a help mode lists them). */
    public record Router(SchemaNode selector, List<String> operations) {

        /** The sub-operations read as verb and nouns ({@code delete_bucket}, {@code bucketDelete}, {@code delete}). */
        public List<VerbAndNouns> readings() {
            List<VerbAndNouns> out = new ArrayList<>();
            for (String op : operations) out.add(VerbAndNouns.of(op));
            return out;
        }

        public boolean hasMutating() {
            for (VerbAndNouns v : readings()) if (v.mutates()) return true;
            return false;
        }

        public List<String> deleting() {
            List<String> out = new ArrayList<>();
            for (String op : operations) if (VerbAndNouns.of(op).deletes()) out.add(op);
            return out;
        }

        public boolean hasRead() {
            for (VerbAndNouns v : readings()) if (v.reads()) return true;
            return false;
        }
    }

    private static final Set<String> SELECTOR_NAMES = Set.of("action", "operation", "op", "command", "method", "verb",
            "mode", "task", "subcommand", "actiontype", "operationtype", "actionname", "operationname", "commandname");

    /** The opening of a closed list: "one of", "available actions:", "supported operations are". Not "e.g.": an example list is open. */
    private static final Pattern CLOSED_LIST = Words.anyOf("(?:must be )?one of", "(?:available|supported|valid|allowed|possible) (?:actions|operations|commands|methods|subcommands|values|options)",
            "(?:actions|operations|commands|methods|subcommands)(?: are| include)?\\s*:", "options\\s*:");
    /** A help or learn mode that lists the sub-operations at run time, also as a flag ("set learn=true to discover sub commands"). */
    private static final Pattern HELP_MODE = Words.anyOf("['\"`]?(?:help|learn|list[_ ]?commands|list[_ ]?actions)['\"`]? (?:to|mode|lists?|returns?|shows?)",
            "(?:use|call with|pass|send) ['\"`]?(?:help|learn)['\"`]?", "(?:set|pass|use|with) ['\"`]?(?:help|learn)\\s*=\\s*true['\"`]?", "(?:lists?|returns?|shows?) (?:all |the )?(?:available|supported) (?:actions|operations|commands|methods)");
    private static final Pattern LIST_ITEM = Pattern.compile("`([a-z][a-z0-9_.:-]{1,60})`|(?<![\\p{L}\\p{N}_'\"-])'?\"?([a-z][a-z0-9_.:-]{1,60})'?\"?(?=\\s*(?:,|\\||/|;|\\)|\\.(?:\\s|$)|$| or | and |\\n))");
    private static final Pattern BULLET = Pattern.compile("(?m)^[ \\t]*[-*•][ \\t]+`?\\*{0,2}([A-Za-z][A-Za-z0-9_.:-]{1,60})\\*{0,2}`?\\s*(?::|—|–|-|\\()");

    private Routers() {
    }

    /** The tool's router, if one of its top-level parameters selects among a fixed list of sub-operations. */
    public static Router of(ToolView tool) {
        for (SchemaNode p : tool.parameters()) {
            Router r = of(p, tool);
            if (r != null) return r;
        }
        return null;
    }

    /** True when the parameter is a router's selector: it carries a sub-command name, not program text. */
    public static boolean isSelector(SchemaNode p, ToolView tool) {
        return p.isTopLevelProperty() && of(p, tool) != null;
    }

    private static Router of(SchemaNode p, ToolView tool) {
        if (!SELECTOR_NAMES.contains(Identifiers.squashed(p.propertyName()))) return null;
        if (!(p.hasType("string") || p.types().isEmpty())) return null;
        List<String> fixed = fixedValues(p.schema());
        if (fixed.size() >= 2) return namesOperations(p, fixed) ? new Router(p, fixed) : null;
        String paramText = Texts.normalize(p.description());
        List<String> listed = listedIn(paramText);
        if (listed.size() < 2) listed = bullets(p.description());
        if (listed.size() >= 2) return namesOperations(p, listed) ? new Router(p, listed) : null;
        if (Words.contains(paramText, HELP_MODE) || Words.contains(tool.normalizedDescription(), HELP_MODE)) {
            List<String> fromTool = listedIn(tool.normalizedDescription());
            if (fromTool.size() < 2) fromTool = bullets(tool.description());
            return new Router(p, fromTool);
        }
        List<String> fromTool = listedIn(tool.normalizedDescription());
        return fromTool.size() >= 3 ? new Router(p, fromTool) : null;
    }

    private static final Set<String> WEAK_SELECTORS = Set.of("mode", "task", "method", "verb");

    /**
     * "action" and "operation" name sub-operations whatever their values; a "mode" of rewrite/append
     * or a "method" of GET/POST is a setting of one operation unless its values read as verbs.
     */
    private static boolean namesOperations(SchemaNode p, List<String> values) {
        if (!WEAK_SELECTORS.contains(Identifiers.squashed(p.propertyName()))) return true;
        Set<String> verbs = new LinkedHashSet<>();
        for (String v : values) {
            VerbAndNouns reading = VerbAndNouns.of(v);
            if (reading.hasVerb() && !reading.verb().equals("get") && !reading.verb().equals("post") && !reading.verb().equals("put")) verbs.add(reading.verb());
        }
        return verbs.size() >= 2;
    }

    private static List<String> fixedValues(JsonNode schema) {
        List<String> out = new ArrayList<>();
        if (schema.path("enum").isArray()) for (JsonNode v : schema.get("enum")) if (v.isTextual()) out.add(v.asText());
        for (String combinator : List.of("oneOf", "anyOf")) {
            if (!schema.path(combinator).isArray()) continue;
            for (JsonNode alt : schema.get(combinator)) if (alt.path("const").isTextual()) out.add(alt.get("const").asText());
        }
        return out;
    }

    /** The identifiers of the first closed list in a normalized text: "one of: list, get, delete_item". */
    static List<String> listedIn(String normalized) {
        int[] open = Words.find(normalized, CLOSED_LIST);
        if (open == null) return List.of();
        int end = normalized.indexOf("\n\n", open[1]);
        String rest = normalized.substring(open[1], Math.min(normalized.length(), Math.min(end < 0 ? Integer.MAX_VALUE : end, open[1] + 600)));
        int sentence = sentenceEnd(rest);
        if (sentence > 0) rest = rest.substring(0, sentence);
        Set<String> items = new LinkedHashSet<>();
        Matcher m = LIST_ITEM.matcher(rest);
        while (m.find()) {
            String item = m.group(1) != null ? m.group(1) : m.group(2);
            if (!STOP.contains(item)) items.add(item);
        }
        return List.copyOf(items);
    }

    private static final Set<String> STOP = Set.of("or", "and", "the", "a", "an", "of", "to", "is", "are", "etc", "e.g", "i.e");

    /** A period followed by a space and a capital or the end: lists of dotted names (a.b) run on. */
    private static int sentenceEnd(String text) {
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '.' && Character.isWhitespace(text.charAt(i + 1)) && i > 0 && text.charAt(i - 1) != 'g') return i + 1;
        }
        return -1;
    }

    /** Bulleted sub-operations: "- `list_tables`: ...", "* delete — removes ...". */
    static List<String> bullets(String raw) {
        Set<String> items = new LinkedHashSet<>();
        Matcher m = BULLET.matcher(raw);
        while (m.find()) items.add(m.group(1));
        return items.size() >= 2 ? List.copyOf(items) : List.of();
    }
}
