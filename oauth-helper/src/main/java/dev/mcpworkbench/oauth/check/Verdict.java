package dev.mcpworkbench.oauth.check;

/** How bad a finding is: F (fail) maps to high, W (warn) to medium, I to info in the inspector. */
public enum Verdict {
    FAIL("high"),
    WARN("medium"),
    INFO("info");

    private final String severityName;

    Verdict(String severityName) {
        this.severityName = severityName;
    }

    /** The inspector severity this verdict maps to (high, medium, info). */
    public String severityName() {
        return severityName;
    }
}
