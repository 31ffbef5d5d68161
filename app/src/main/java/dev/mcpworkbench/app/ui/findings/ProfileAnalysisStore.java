package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.app.ui.drift.BaselineStore;
import dev.mcpworkbench.inspector.profile.ConnectionProfile;
import dev.mcpworkbench.inspector.profile.ProfileAnalysisState;
import dev.mcpworkbench.inspector.profile.ProfileStore;
import dev.mcpworkbench.inspector.rules.Baseline;
import dev.mcpworkbench.inspector.rules.suppress.Suppressions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The suppressions and the DRIFT-001 pin of the server on screen, for the Findings and Drift
 * screens and the export. For a server opened through a saved connection they live in that
 * profile ({@link ProfileAnalysisState}) and every change is written to the profile file at once;
 * otherwise they live in memory for this session only, and {@link #where()} says so.
 *
 * <p>Values are held in memory so the FX thread can read them; {@code save} methods write and are
 * called off the FX thread.
 */
public final class ProfileAnalysisStore {

    static final String SESSION_ONLY = "Not saved: this server was not opened from a saved connection, so suppressions"
            + " and pins last until the app closes.";

    /** Where values are written. */
    interface Backend {
        void suppressions(Suppressions value) throws IOException;

        void pin(Baseline value) throws IOException;

        String where();
    }

    private final Backend backend;
    private final List<String> warnings;
    private volatile Suppressions suppressions;
    private volatile Baseline pin;
    private volatile Runnable onPinned = () -> { };

    private ProfileAnalysisStore(Backend backend, Suppressions suppressions, Optional<Baseline> pin, List<String> warnings) {
        this.backend = backend;
        this.suppressions = suppressions;
        this.pin = pin.orElse(null);
        this.warnings = List.copyOf(warnings);
    }

    /** Reads the profile called {@code name} (blocking). Fails when the file has no such profile. */
    public static ProfileAnalysisStore forProfile(ProfileStore store, String name) throws IOException {
        var profile = store.find(name).orElseThrow(() -> new IOException("there is no saved connection called \""
                + name + "\" in " + store.file()));
        ProfileAnalysisState state = ProfileAnalysisState.of(profile);
        return new ProfileAnalysisStore(new ProfileBackend(store, name), state.suppressions(), state.pin(), state.warnings());
    }

    /**
     * Adds {@code fresh} to the profiles file with this store's suppressions and pin, and returns
     * the store of that profile, where later changes are written (blocking). Fails, writing
     * nothing, when a connection of that name exists already.
     */
    public ProfileAnalysisStore saveAs(ProfileStore store, ConnectionProfile fresh) throws IOException {
        Suppressions keptSuppressions = suppressions;
        Baseline keptPin = pin;
        ConnectionProfile withState = ProfileAnalysisState.withSuppressions(fresh, keptSuppressions);
        ConnectionProfile profile = keptPin == null ? withState : ProfileAnalysisState.withPin(withState, keptPin);
        try {
            store.update(all -> {
                // thrown inside the file's lock, before anything is written
                if (all.stream().anyMatch(p -> p.name().equals(profile.name()))) {
                    throw new UncheckedIOException(new IOException(
                            "there is already a connection called \u201c" + profile.name() + "\u201d"));
                }
                List<ConnectionProfile> out = new ArrayList<>(all);
                out.add(profile);
                return out;
            });
        } catch (UncheckedIOException taken) {
            throw taken.getCause();
        }
        return forProfile(store, profile.name());
    }

    /** Values kept in memory only; {@code backend} carries them over between connections of this session. */
    static ProfileAnalysisStore forSession(Suppressions suppressions, Optional<Baseline> pin, Backend backend) {
        return new ProfileAnalysisStore(backend, suppressions, pin, List.of());
    }

    /** The findings screen's view of this store. */
    public SuppressionStore suppressionStore() {
        return new SuppressionStore() {
            @Override
            public Suppressions load() {
                return suppressions;
            }

            @Override
            public void save(Suppressions value) throws IOException {
                // memory first: the screen, later scans and exports agree with what the user sees
                suppressions = value;
                backend.suppressions(value);
            }

            @Override
            public String where() {
                return backend.where();
            }
        };
    }

    /** The drift screen's view of this store. */
    public BaselineStore baselineStore() {
        return new BaselineStore() {
            @Override
            public Optional<Baseline> load() {
                return Optional.ofNullable(pin);
            }

            @Override
            public void save(Baseline value) throws IOException {
                pin = value;
                backend.pin(value);
                onPinned.run();
            }

            @Override
            public String where() {
                return backend.where();
            }
        };
    }

    public Suppressions suppressions() {
        return suppressions;
    }

    public Optional<Baseline> pin() {
        return Optional.ofNullable(pin);
    }

    /** Content of the profile that could not be read and is ignored (one sentence each). */
    public List<String> warnings() {
        return warnings;
    }

    public String where() {
        return backend.where();
    }

    /** True when changes are written to a connection profile. */
    public boolean saved() {
        return backend instanceof ProfileBackend;
    }

    /**
     * The profile was renamed while its server is on screen: later changes go to the new name.
     * True when this store was that profile's.
     */
    public boolean renamed(String from, String to) {
        if (!(backend instanceof ProfileBackend p) || !p.name.equals(from)) return false;
        p.name = to;
        return true;
    }

    /** Called (on the saving thread) after a new pin was kept. */
    public void onPinned(Runnable action) {
        onPinned = action == null ? () -> { } : action;
    }

    private static final class ProfileBackend implements Backend {
        private final ProfileStore store;
        private volatile String name;

        ProfileBackend(ProfileStore store, String name) {
            this.store = store;
            this.name = name;
        }

        @Override
        public void suppressions(Suppressions value) throws IOException {
            store.updateProfile(name, p -> ProfileAnalysisState.withSuppressions(p, value));
        }

        @Override
        public void pin(Baseline value) throws IOException {
            store.updateProfile(name, p -> ProfileAnalysisState.withPin(p, value));
        }

        @Override
        public String where() {
            return "Saved in the connection \u201c" + name + "\u201d (" + store.file() + ").";
        }
    }
}
