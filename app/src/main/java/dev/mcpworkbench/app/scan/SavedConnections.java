package dev.mcpworkbench.app.scan;

import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import dev.mcpworkbench.inspector.profile.ProfileAnalysisState;
import dev.mcpworkbench.inspector.rules.RuleSettings;
import dev.mcpworkbench.inspector.rules.ScanContext;
import java.util.List;
import java.util.Optional;

/**
 * A saved connection's own scan context, as {@code scan --profile NAME} builds it: how it is
 * reached, its accepted findings and its DRIFT-001 pin, with the rule settings in force.
 */
public final class SavedConnections {

    private SavedConnections() {
    }

    /**
     * The context of the connection called {@code name} among {@code saved}; a connection not (or
     * no longer) in the file gets the settings alone.
     */
    public static ScanContext context(String name, List<ConnectionProfile> saved, RuleSettings settings) {
        ScanContext context = ScanContext.defaults().withSettings(settings);
        Optional<ConnectionProfile> profile = saved.stream().filter(p -> p.name().equals(name)).findFirst();
        if (profile.isEmpty()) return context;
        ProfileAnalysisState state = ProfileAnalysisState.of(profile.get());
        context = context.withTarget(ConnectionTargets.of(profile.get().target())).withSuppressions(state.suppressions());
        return state.pin().isPresent() ? context.withBaseline(state.pin().get()) : context;
    }
}
