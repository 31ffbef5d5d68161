package dev.mcpworkbench.app.ui.findings;

/** Report formats the findings screen exports, with the file extension the chooser proposes. */
public enum ExportFormat {
    SARIF("SARIF 2.1.0", "sarif"),
    JSON("JSON", "json"),
    MARKDOWN("Markdown", "md"),
    HTML("HTML", "html");

    private final String label;
    private final String extension;

    ExportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String label() {
        return label;
    }

    public String extension() {
        return extension;
    }
}
