package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.inspector.rules.Baseline;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Suppressions and pins of servers not opened through a saved connection, for this run of the
 * app, keyed by server name (or source), so reconnecting to the same lab server keeps them.
 */
final class SessionProfiles {
    private final Map<String, Suppressions> suppressions = new ConcurrentHashMap<>();
    private final Map<String, Baseline> baselines = new ConcurrentHashMap<>();

    static String key(ServerSnapshot snapshot) {
        return snapshot.serverName().isEmpty() ? snapshot.source() : snapshot.serverName();
    }

    ProfileAnalysisStore stores(String key) {
        return ProfileAnalysisStore.forSession(suppressions.getOrDefault(key, Suppressions.none()),
                Optional.ofNullable(baselines.get(key)), new ProfileAnalysisStore.Backend() {
                    @Override
                    public void suppressions(Suppressions value) {
                        suppressions.put(key, value);
                    }

                    @Override
                    public void pin(Baseline value) {
                        baselines.put(key, value);
                    }

                    @Override
                    public String where() {
                        return ProfileAnalysisStore.SESSION_ONLY;
                    }
                });
    }
}
