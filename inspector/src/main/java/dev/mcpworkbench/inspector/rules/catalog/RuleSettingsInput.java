package dev.mcpworkbench.inspector.rules.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.inspector.rules.Rule;
import dev.mcpworkbench.inspector.rules.RuleSetting;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Rule settings as a user writes them, checked against what the catalog's rules declare: an
 * assignment {@code SURFACE-001.medium=25}, or a file of them. A file ending in {@code .json} is a
 * JSON object, flat ({@code {"SURFACE-001.medium": 25}}) or per rule
 * ({@code {"SURFACE-001": {"medium": 25}}}); any other file is Java properties
 * ({@code SURFACE-001.medium=25}, {@code #} comments). An unknown rule, an unknown key, a value that
 * is not a number or is below what the rule can honour is an {@link IllegalArgumentException} whose
 * message is one line naming the valid keys.
 */
public final class RuleSettingsInput {

    private RuleSettingsInput() {
    }

    /** {@code base} with one {@code ID.key=value} assignment applied. */
    public static RuleSettings assign(RuleSettings base, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("a rule setting looks like ID.key=value (e.g. SURFACE-001.medium=25), got '" + assignment + "'");
        return put(base, assignment.substring(0, eq).strip(), assignment.substring(eq + 1).strip());
    }

    public static RuleSettings read(Path file) throws IOException {
        RuleSettings settings = RuleSettings.defaults();
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            if (root == null || !root.isObject()) throw new IllegalArgumentException(file + ": rule settings must be a JSON object");
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> keys = e.getValue().fields(); keys.hasNext(); ) {
                        Map.Entry<String, JsonNode> k = keys.next();
                        settings = put(settings, e.getKey() + "." + k.getKey(), k.getValue().asText());
                    }
                } else {
                    settings = put(settings, e.getKey(), e.getValue().asText());
                }
            }
            return settings;
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        for (String key : props.stringPropertyNames().stream().sorted().toList()) settings = put(settings, key, props.getProperty(key));
        return settings;
    }

    /** Every setting of the catalog as {@code ID.key (default)}, for help texts. */
    public static List<String> known() {
        return AllRules.all().stream()
                .flatMap(r -> r.settings().stream().map(s -> r.id() + "." + s.name() + " (default " + s.defaultText() + ")"))
                .toList();
    }

    private static RuleSettings put(RuleSettings base, String key, String value) {
        int dot = key.lastIndexOf('.');
        String ruleId = dot < 0 ? key : key.substring(0, dot);
        String name = dot < 0 ? "" : key.substring(dot + 1);
        Optional<Rule> rule = AllRules.byId(ruleId);
        if (rule.isEmpty() || rule.get().settings().isEmpty()) {
            String why = rule.isEmpty() ? "no rule '" + ruleId + "'" : ruleId + " has no settings";
            throw new IllegalArgumentException("unknown rule setting '" + key + "': " + why + "; rules with settings: "
                    + AllRules.all().stream().filter(r -> !r.settings().isEmpty()).map(Rule::id).collect(Collectors.joining(", ")));
        }
        RuleSetting setting = rule.get().settings().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown rule setting '" + key + "'; valid keys for " + ruleId + ": "
                        + keysOf(rule.get())));
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rule setting " + key + " takes a number (" + setting.meaning() + "), got '" + value + "'");
        }
        if (!Double.isFinite(number) || number < setting.min()) {
            throw new IllegalArgumentException("rule setting " + key + " must be at least " + new RuleSetting(name, setting.min(), 0, "").defaultText()
                    + " (" + setting.meaning() + "), got " + value);
        }
        return base.with(ruleId, name, number);
    }

    private static String keysOf(Rule rule) {
        return rule.settings().stream().map(s -> rule.id() + "." + s.name()).collect(Collectors.joining(", "));
    }
}
