package dev.mcpworkbench.inspector.rules;

import java.util.Locale;
import java.util.Objects;

/**
 * One threshold a rule reads, declared on the rule with its catalog default, so that the settings a
 * user may change are known before any scan runs (an unknown key is an error, not a silent no-op).
 *
 * @param name         the key after the rule id ({@code medium} in {@code SURFACE-001.medium})
 * @param defaultValue the catalog's value
 * @param min          the smallest value the rule can honour (a prefilter may not look below it)
 * @param meaning      one line for help texts and error messages
 */
public record RuleSetting(String name, double defaultValue, double min, String meaning) {

    public RuleSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meaning, "meaning");
        if (!name.matches("[a-z][A-Za-z0-9]*")) throw new IllegalArgumentException("setting names are camelCase words: " + name);
    }

    public static RuleSetting of(String name, double defaultValue, String meaning) {
        return new RuleSetting(name, defaultValue, 0, meaning);
    }

    public static RuleSetting atLeast(String name, double defaultValue, double min, String meaning) {
        return new RuleSetting(name, defaultValue, min, meaning);
    }

    /** The default as a user would type it: no ".0" on whole numbers. */
    public String defaultText() {
        return defaultValue == Math.rint(defaultValue) ? Long.toString((long) defaultValue)
                : String.format(Locale.ROOT, "%s", defaultValue);
    }
}
