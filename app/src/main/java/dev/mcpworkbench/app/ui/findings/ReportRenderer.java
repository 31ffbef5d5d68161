package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.io.IOException;
import java.util.List;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;

/**
 * Renders a scan as a report file's text. Implemented over the inspector's report writers; called
 * off the FX thread. Suppressed findings go in as suppressed, with their reasons.
 */
public interface ReportRenderer {

    String render(ExportFormat format, ServerSnapshot snapshot, List<FindingItem> findings,
                  Suppressions suppressions) throws IOException;
}
