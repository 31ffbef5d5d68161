package dev.mcpworkbench.inspector.rules.dynamic;

/**
 * A deliberately invalid input sent to check that the server enforces its input schema.
 *
 * @param kind        what was broken
 * @param description what was sent, in words, shown before sending and in findings
 * @param canaryHit   true when the server fetched the workbench's loopback canary URL
 */
public record InputProbe(Kind kind, String description, boolean canaryHit) {

    public enum Kind { EXTRA_PROPERTY, WRONG_TYPE, OVERSIZED_STRING, OUTSIDE_ENUM, PATH_TRAVERSAL, FILE_URL, CANARY_URL }

    public InputProbe withCanaryHit(boolean hit) {
        return new InputProbe(kind, description, hit);
    }
}
