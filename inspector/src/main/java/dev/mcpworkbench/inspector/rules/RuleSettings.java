package dev.mcpworkbench.inspector.rules;

import java.util.Map;
import java.util.TreeMap;

/**
 * User-adjustable thresholds, keyed {@code <RULE-ID>.<name>} (for example {@code SURFACE-001.high}).
 * Rules ask with their catalog default, so an empty settings object means "the catalog's values".
 */
public final class RuleSettings {

    private final Map<String, Double> values;

    public RuleSettings(Map<String, Double> values) {
        this.values = new TreeMap<>(values);
    }

    public static RuleSettings defaults() {
        return new RuleSettings(Map.of());
    }

    public double number(String ruleId, String name, double catalogDefault) {
        return values.getOrDefault(ruleId + "." + name, catalogDefault);
    }

    public int integer(String ruleId, String name, int catalogDefault) {
        return (int) Math.round(number(ruleId, name, catalogDefault));
    }

    public double number(String ruleId, RuleSetting setting) {
        return number(ruleId, setting.name(), setting.defaultValue());
    }

    public int integer(String ruleId, RuleSetting setting) {
        return (int) Math.round(number(ruleId, setting));
    }

    public RuleSettings with(String ruleId, String name, double value) {
        Map<String, Double> copy = new TreeMap<>(values);
        copy.put(ruleId + "." + name, value);
        return new RuleSettings(copy);
    }

    /** These settings, then {@code later}'s on top (a command-line value over a file's). */
    public RuleSettings overriddenBy(RuleSettings later) {
        Map<String, Double> copy = new TreeMap<>(values);
        copy.putAll(later.values);
        return new RuleSettings(copy);
    }

    /** The overridden values only, for saving with a connection profile. */
    public Map<String, Double> overrides() {
        return Map.copyOf(values);
    }
}
