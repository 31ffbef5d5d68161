package dev.mcpworkbench.app.ui.findings;

/** How the findings table groups its rows. */
public enum Grouping {
    NONE("Flat"),
    RULE("By rule"),
    TOOL("By tool");

    private final String label;

    Grouping(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
