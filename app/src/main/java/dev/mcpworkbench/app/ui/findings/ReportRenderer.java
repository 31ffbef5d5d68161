package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.io.IOException;

/**
 * Renders a scan of {@code snapshot} as a report file's text, with the suppressions the user has
 * made (suppressed findings are reported as suppressed, with their reasons). Called off the FX thread.
 */
public interface ReportRenderer {

    String render(ExportFormat format, ServerSnapshot snapshot, Suppressions suppressions) throws IOException;

    /**
     * The same, with the dynamic rules' findings on tool results of the session ({@code fromCalls})
     * reported beside the static ones. A renderer that knows nothing of them leaves them out.
     */
    default String render(ExportFormat format, ServerSnapshot snapshot, Suppressions suppressions,
                          java.util.List<dev.mcpworkbench.inspector.rules.Finding> fromCalls) throws IOException {
        return render(format, snapshot, suppressions);
    }
}
