package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.app.ui.connect.ProfileStore;
import dev.mcpworkbench.app.ui.drift.BaselineStore;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import dev.mcpworkbench.inspector.profile.ProfileAnalysis;
import dev.mcpworkbench.inspector.rules.drift.Baseline;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Suppressions and pins kept with a saved connection profile ({@code profiles.json}), so they
 * are there again at the next connection and travel with the file. State the profile holds but
 * cannot be read is reported once and never overwritten: saving refuses until it is fixed.
 */
final class ProfileAnalysisStores {

    private final ProfileStore store;
    private final String profileName;

    ProfileAnalysisStores(ProfileStore store, String profileName) {
        this.store = store;
        this.profileName = profileName;
    }

    SuppressionStore suppressions(Consumer<String> warn) {
        return new SuppressionStore() {
            @Override
            public Suppressions load() {
                try {
                    return ProfileAnalysis.suppressions(profile());
                } catch (IOException e) {
                    warn.accept(e.getMessage());
                    return Suppressions.none();
                }
            }

            @Override
            public void save(Suppressions suppressions) throws IOException {
                ProfileAnalysis.suppressions(profile()); // refuses to overwrite what it could not read
                store.update(profileName, p -> ProfileAnalysis.withSuppressions(p, suppressions));
            }

            @Override
            public String savedWhere() {
                return "with connection \"" + profileName + "\"";
            }
        };
    }

    BaselineStore pins() {
        return new BaselineStore() {
            @Override
            public Optional<Baseline> load() throws IOException {
                return ProfileAnalysis.pins(profile());
            }

            @Override
            public void save(Baseline baseline) throws IOException {
                store.update(profileName, p -> ProfileAnalysis.withPins(p, baseline));
            }
        };
    }

    private ConnectionProfile profile() throws IOException {
        return store.saved(profileName).orElseThrow(() -> new IOException("the connection \"" + profileName + "\" is no longer saved"));
    }
}
