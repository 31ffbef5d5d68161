package dev.mcpworkbench.inspector.report;

import dev.mcpworkbench.inspector.rules.ScanResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Renders a scan result in any format. {@link #write} streams (a report costs the memory of the
 * findings it holds, not of copies of them); {@link #render} is for small results and tests.
 */
public final class Reports {

    private Reports() {
    }

    public static String render(ScanResult result, ReportFormat format, String toolVersion) {
        return render(result, format, toolVersion, SarifArtifact.placeholder(result.summary().serverName()));
    }

    /** @param artifact the file SARIF results point at (other formats ignore it) */
    public static String render(ScanResult result, ReportFormat format, String toolVersion, SarifArtifact artifact) {
        StringWriter out = new StringWriter();
        try {
            write(result, format, toolVersion, artifact, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes the report to {@code out} as UTF-8; {@code out} is flushed, not closed. Any string can
     * be written: findings name lone surrogates already, and the encoder replaces whatever else
     * cannot be encoded instead of failing half-way through a report.
     */
    public static void write(ScanResult result, ReportFormat format, String toolVersion, SarifArtifact artifact,
                             OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        write(result, format, toolVersion, artifact, w);
        w.flush();
    }

    public static void write(ScanResult result, ReportFormat format, String toolVersion, SarifArtifact artifact,
                             Writer out) throws IOException {
        switch (format) {
            case SARIF -> SarifReport.write(result, toolVersion, artifact, out);
            case JSON -> JsonReport.write(result, toolVersion, out);
            case MARKDOWN -> MarkdownReport.write(result, out);
            case HTML -> HtmlReport.write(result, toolVersion, out);
        }
    }
}
