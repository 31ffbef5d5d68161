package dev.mcpworkbench.app.ui.findings;

import java.util.Map;

/**
 * Where the findings view keeps suppressions: fingerprint ({@link
 * dev.mcpworkbench.inspector.rules.Finding#fingerprint()}) to the reason the user gave. The
 * desktop app backs it with the connection profile; tests may back it with a map.
 */
public interface SuppressionStore {

    Map<String, String> load();

    /** Called on a background thread: implementations may write files. */
    void save(Map<String, String> suppressions) throws java.io.IOException;
}
