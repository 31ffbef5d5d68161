package dev.mcpworkbench.inspector.rules.poison;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.surface.Routers;
import dev.mcpworkbench.inspector.rules.text.TextCues;
import dev.mcpworkbench.inspector.rules.text.TextItem;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.rules.text.Words;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** POISON-005: metadata that reaches beyond its own tool to rule how other tools are used. */
public final class CrossToolReference implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("POISON-005", "Cross-tool reference", Category.POISON,
            Severity.HIGH, List.of("MCP03"),
            "A server that names another server's tools, or sets conditions on every other tool call, is trying to shadow or redirect tools it does not own.");

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        List<Finding> out = new ArrayList<>();
        ForeignNames foreign = foreignToolNames(s);
        // without other servers' names to look for, only strings with a cross-tool cue can match
        for (TextItem item : foreign == null ? s.texts(TextCues.CROSS_TOOL) : s.texts()) {
            if (item.key() || item.text().length() < 4) continue;
            if (item.isItemName()) continue; // a tool's own name is not a reference to it
            String norm = item.normalized();
            int[] m = item.mayMatch(TextCues.CROSS_TOOL) ? Words.find(norm, PoisonPatterns.CROSS_TOOL) : null;
            String why = "sets conditions on other tools' use";
            if (m == null && item.mayMatch(TextCues.CROSS_TOOL)) {
                m = Words.find(norm, PoisonPatterns.DEPRECATION_CLAIM);
                why = "claims other tools are deprecated or replaced and pushes this one instead";
            }
            Finding.Scope scope = Finding.Scope.SERVER;
            if (m == null && foreign != null && foreign.mayOccurIn(norm)) {
                Matcher fm = foreign.pattern().matcher(norm);
                if (fm.find()) {
                    m = new int[] {fm.start(), fm.end()};
                    why = "names '" + fm.group() + "', a tool of another connected server";
                    scope = Finding.Scope.ACROSS_SERVERS;
                }
            }
            if (m == null) continue;
            out.add(RuleSupport.finding(META, Severity.HIGH, item.location().display() + " " + why,
                    item.location(), Texts.excerpt(norm, m[0], m[1], 80),
                    "Describe only this tool's own behaviour; never give instructions about other tools or servers.").withScope(scope));
        }
        return out;
    }

    /**
     * Other servers' tools not also defined here, as they would be named in a description: a name
     * with a separator or an inner capital ({@code create_issue}, {@code getDocs}) wherever it
     * appears; a name that is one plain word ({@code generate}, {@code documentation}, Azure's
     * namespace tools) only where the text marks it as a name (quoted, in backticks, or followed by
     * "tool"), because as a word of prose it names nothing. A name this server also uses, as a tool,
     * a sub-operation of one of its routers or a fixed value of one of its parameters, is its own.
     */
    private static ForeignNames foreignToolNames(ScanSubject s) {
        Set<String> own = new HashSet<>();
        for (ToolView t : s.tools()) {
            own.add(ServerSnapshot.nameOf(t.raw()).toLowerCase(Locale.ROOT));
            // a router's own sub-operations (wiki's "list_pages") are its names too, whoever else has a tool so named
            Routers.Router router = Routers.of(t);
            if (router != null) for (String op : router.operations()) own.add(op.toLowerCase(Locale.ROOT));
            // so are the fixed values of its own parameters (monday's kind "feedback", shopify's api "functions")
            for (SchemaNode p : t.parameters()) {
                for (JsonNode v : p.schema().path("enum")) if (v.isTextual()) own.add(v.asText().toLowerCase(Locale.ROOT));
            }
        }
        List<String> names = new ArrayList<>();
        List<String> words = new ArrayList<>();
        Set<String> firstWords = new HashSet<>();
        for (ServerSnapshot other : s.context().otherServers()) {
            for (JsonNode tool : other.tools()) {
                String original = ServerSnapshot.nameOf(tool);
                String name = original.toLowerCase(Locale.ROOT);
                if (own.contains(name) || name.length() > 128) continue;
                String first = ForeignNames.WORD_BREAK.split(name, 2)[0];
                if (name.matches(".*[_.\\-/:\\d].*") || !original.equals(name) && !original.equals(original.toUpperCase(Locale.ROOT))) {
                    names.add(Pattern.quote(name));
                    firstWords.add(first);
                } else if (name.length() >= 8) {
                    words.add(Pattern.quote(name));
                    firstWords.add(first);
                }
            }
        }
        if (names.isEmpty() && words.isEmpty()) return null;
        List<String> alternatives = new ArrayList<>();
        if (!names.isEmpty()) alternatives.add("(?<![\\p{L}\\p{N}_-])(?:" + String.join("|", names) + ")(?![\\p{L}\\p{N}_-])");
        if (!words.isEmpty()) {
            String w = "(?:" + String.join("|", words) + ")";
            alternatives.add("(?<=[`'\"])" + w + "(?=[`'\"])|(?<![\\p{L}\\p{N}_-])" + w + "(?= tool\\b)");
        }
        return new ForeignNames(Pattern.compile(String.join("|", alternatives)), firstWords);
    }

    /**
     * The other servers' tool names as one pattern, and the first word of each: a text none of whose
     * words is such a first word cannot match, and is not run through an alternation of thousands of
     * names (a workspace of 70 servers spent half its scan there).
     */
    private record ForeignNames(Pattern pattern, Set<String> firstWords) {

        /** What separates words, as the pattern's boundaries see it: anything but letters, digits, _ and -. */
        static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}_-]+");

        boolean mayOccurIn(String text) {
            for (String word : WORD_BREAK.split(text.toLowerCase(Locale.ROOT))) {
                if (firstWords.contains(word)) return true;
            }
            return false;
        }
    }
}
