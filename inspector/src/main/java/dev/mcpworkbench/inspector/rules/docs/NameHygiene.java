package dev.mcpworkbench.inspector.rules.docs;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.text.Texts;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** DOCS-002: tool names that break clients, collide, impersonate, or shadow another server's tools. */
public final class NameHygiene implements SurveyingRule<Finding> {

    public static final RuleMetadata META = RuleSupport.meta("DOCS-002", "Name hygiene", Category.DOCS,
            Severity.MEDIUM, List.of("MCP03", "MCP09"),
            "Clients route calls by name: invalid names break them, duplicates make the call ambiguous, look-alike and near-identical names let one server capture calls meant for another.");

    private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9_.-]{1,128}$");

    static final RuleSetting SHADOW_DISTANCE = RuleSetting.of("shadowDistance", 2, "Levenshtein distance at or under which a name shadows another server's tool");

    @Override
    public List<RuleSetting> settings() {
        return List.of(SHADOW_DISTANCE);
    }

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    /** The finding for a tool whose own name breaks the naming rule, or null. */
    @Override
    public Finding survey(ToolView tool, ScanSubject s) {
        String name = ServerSnapshot.nameOf(tool.raw());
        if (VALID.matcher(name).matches()) return null;
        String mixed = mixedScripts(name);
        return RuleSupport.finding(META, Severity.MEDIUM,
                "Tool name " + (name.isEmpty() ? "is missing" : "'" + Texts.spellOut(Texts.clip(name, 200)) + "' does not match ^[A-Za-z0-9_.-]{1,128}$")
                        + (mixed == null ? "" : "; it mixes scripts (" + mixed + ")"),
                tool.location("/name"), Texts.spellOut(Texts.clip(name, 200)),
                "Use ASCII letters, digits, '_', '-' and '.', at most 128 characters.");
    }

    /** Invalid names, then names used twice, then names that shadow another connected server's tools. */
    @Override
    public List<Finding> conclude(List<Finding> invalidNames, ScanSubject s) {
        List<Finding> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < invalidNames.size(); i++) {
            if (invalidNames.get(i) != null) out.add(invalidNames.get(i));
            ToolView tool = s.tools().get(i);
            String name = ServerSnapshot.nameOf(tool.raw());
            Integer first = seen.putIfAbsent(name, tool.index());
            if (first != null && !name.isEmpty()) {
                out.add(RuleSupport.finding(META, Severity.MEDIUM, "Duplicate tool name '" + name + "' (tools #" + first + " and #" + tool.index() + ")",
                        Location.tool(name + "#" + tool.index(), "/name"), name,
                        "Give every tool a unique name; clients cannot tell duplicates apart."));
            }
        }
        out.addAll(shadowing(s));
        return out;
    }

    private List<Finding> shadowing(ScanSubject s) {
        List<Finding> out = new ArrayList<>();
        int maxDistance = s.settings().integer(META.id(), SHADOW_DISTANCE);
        for (ServerSnapshot other : s.context().otherServers()) {
            for (com.fasterxml.jackson.databind.JsonNode otherTool : other.tools()) {
                String theirs = ServerSnapshot.nameOf(otherTool);
                for (ToolView tool : s.tools()) {
                    String ours = ServerSnapshot.nameOf(tool.raw());
                    if (ours.isEmpty() || theirs.isEmpty()) continue;
                    int d = Levenshtein.distance(ours.toLowerCase(), theirs.toLowerCase(), maxDistance);
                    boolean close = d == 0 || (d <= maxDistance && Math.min(ours.length(), theirs.length()) >= 6);
                    if (!close) continue;
                    out.add(RuleSupport.finding(META, Severity.MEDIUM,
                            "'" + ours + "' " + (d == 0 ? "has the same name as" : "is " + d + " edit" + (d == 1 ? "" : "s") + " away from")
                                    + " '" + theirs + "' of " + (other.serverName().isEmpty() ? "another connected server" : "'" + other.serverName() + "'"),
                            tool.location("/name"), ours + " ↔ " + theirs,
                            "Prefix tool names with the server's domain (e.g. 'github_create_issue') so calls cannot be captured by a look-alike.")
                            .withScope(Finding.Scope.ACROSS_SERVERS));
                }
            }
        }
        return out;
    }

    /** The scripts of the letters in the name when there is more than one (Latin + Cyrillic...), else null. */
    static String mixedScripts(String name) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        name.codePoints().filter(Character::isLetter).forEach(cp -> {
            UnicodeScript sc = UnicodeScript.of(cp);
            if (sc != UnicodeScript.COMMON && sc != UnicodeScript.INHERITED) scripts.add(sc);
        });
        return scripts.size() > 1 ? scripts.toString() : null;
    }
}
