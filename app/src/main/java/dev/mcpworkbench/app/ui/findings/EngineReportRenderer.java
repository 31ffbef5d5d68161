package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.report.ReportFormat;
import dev.mcpworkbench.inspector.report.Reports;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.Scanner;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.function.Supplier;

/**
 * Exports with the inspector's report writers, so a report from the app is byte-for-byte what
 * {@code mcp-workbench scan} writes for the same server and suppressions.
 */
public final class EngineReportRenderer implements ReportRenderer {

    private final Supplier<ScanContext> context;

    public EngineReportRenderer(Supplier<ScanContext> context) {
        this.context = context;
    }

    @Override
    public String render(ExportFormat format, ServerSnapshot snapshot, Suppressions suppressions) {
        return render(format, snapshot, suppressions, java.util.List.of());
    }

    /** Dynamic findings go in as the CLI's {@code scan --exercise} puts them: merged, same suppressions. */
    @Override
    public String render(ExportFormat format, ServerSnapshot snapshot, Suppressions suppressions,
                         java.util.List<dev.mcpworkbench.inspector.rules.Finding> fromCalls) {
        var result = Scanner.scan(snapshot, context.get().withSuppressions(suppressions));
        if (!fromCalls.isEmpty()) {
            result = dev.mcpworkbench.inspector.rules.dynamic.DynamicScan.merge(result,
                    new dev.mcpworkbench.inspector.rules.dynamic.exercise.Exerciser.Report(
                            java.util.List.of(), fromCalls, null, java.util.List.of()), suppressions);
        }
        String version = EngineReportRenderer.class.getPackage().getImplementationVersion();
        return Reports.render(result, ReportFormat.valueOf(format.name()), version);
    }
}
