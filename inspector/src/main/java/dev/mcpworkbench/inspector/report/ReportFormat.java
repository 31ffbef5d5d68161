package dev.mcpworkbench.inspector.report;

import java.util.Locale;

/** The report formats of a scan. */
public enum ReportFormat {
    SARIF("sarif"), JSON("json"), MARKDOWN("md"), HTML("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** Accepts the CLI spellings: sarif, json, markdown (or md), html. */
    public static ReportFormat parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "sarif" -> SARIF;
            case "json" -> JSON;
            case "markdown", "md" -> MARKDOWN;
            case "html" -> HTML;
            default -> throw new IllegalArgumentException("Unknown report format '" + text + "' (sarif, json, markdown, html)");
        };
    }
}
