package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.rules.catalog.StaticRules;
import dev.mcpworkbench.inspector.report.ReportFormat;
import dev.mcpworkbench.inspector.report.Reports;
import dev.mcpworkbench.inspector.rules.ScanContext;
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

    /** Findings of calls made by hand join the scan's own: counted, sorted and suppressed with the rest. */
    @Override
    public String render(ExportFormat format, ServerSnapshot snapshot, Suppressions suppressions,
                         java.util.List<dev.mcpworkbench.inspector.rules.Finding> fromCalls) {
        var result = StaticRules.scan(snapshot, context.get().withSuppressions(suppressions).withExtraFindings(fromCalls));
        String version = EngineReportRenderer.class.getPackage().getImplementationVersion();
        return Reports.render(result, ReportFormat.valueOf(format.name()), version);
    }
}
