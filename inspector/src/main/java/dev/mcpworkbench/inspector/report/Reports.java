package dev.mcpworkbench.inspector.report;

import dev.mcpworkbench.inspector.rules.ScanResult;

/** Renders a scan in any {@link ReportFormat}. */
public final class Reports {

    private Reports() {
    }

    public static String render(ScanResult result, ReportFormat format, String toolVersion) {
        return switch (format) {
            case SARIF -> SarifReport.render(result, toolVersion);
            case JSON -> JsonReport.render(result, toolVersion);
            case MARKDOWN -> MarkdownReport.render(result);
            case HTML -> HtmlReport.render(result, toolVersion);
        };
    }
}
