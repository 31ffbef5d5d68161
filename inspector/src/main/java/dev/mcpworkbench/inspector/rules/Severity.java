package dev.mcpworkbench.inspector.rules;

import java.util.Locale;

/** Finding severity, ordered from worst to mildest. */
public enum Severity {
    CRITICAL("error", 9.5),
    HIGH("error", 8.0),
    MEDIUM("warning", 5.5),
    LOW("note", 3.0),
    INFO("note", 0.0);

    private final String sarifLevel;
    private final double securitySeverity;

    Severity(String sarifLevel, double securitySeverity) {
        this.sarifLevel = sarifLevel;
        this.securitySeverity = securitySeverity;
    }

    /** SARIF 2.1.0 {@code level} for a result of this severity. */
    public String sarifLevel() {
        return sarifLevel;
    }

    /** GitHub code scanning's {@code security-severity} score (0.0 to 10.0). */
    public double securitySeverity() {
        return securitySeverity;
    }

    /** Lower-case name as used in reports and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is as bad as {@code other} or worse. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public static Severity parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
