package dev.mcpworkbench.inspector.report;

import dev.mcpworkbench.inspector.rules.ScanResult;

/** Renders a scan in any {@link ReportFormat}. */
public final class Reports {

    private Reports() {
    }

    public static String render(ScanResult result, ReportFormat format, String toolVersion) {
        return render(result, format, toolVersion, SarifArtifact.placeholder(result.summary().serverName()));
    }

    /** @param artifact the file SARIF results point at (other formats ignore it) */
    public static String render(ScanResult result, ReportFormat format, String toolVersion, SarifArtifact artifact) {
        return switch (format) {
            case SARIF -> SarifReport.render(result, toolVersion, artifact);
            case JSON -> JsonReport.render(result, toolVersion);
            case MARKDOWN -> MarkdownReport.render(result);
            case HTML -> HtmlReport.render(result, toolVersion);
        };
    }
}
