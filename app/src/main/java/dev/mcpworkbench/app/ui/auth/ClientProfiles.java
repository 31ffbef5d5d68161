package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.app.auth.ClientIdentity;
import dev.mcpworkbench.app.auth.ClientIdentityProfiles;
import dev.mcpworkbench.inspector.profile.ProfileStore;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Keeps the Client… settings with the saved connections: selecting a connection in the sidebar
 * shows the identity saved with it (automatic when none is, so one server's client and secret never
 * travel to another), OK in the dialog saves them into it, and connecting it reads them again
 * before the flow starts. The profiles file is read and written on {@code io}, never on the FX thread.
 */
final class ClientProfiles {

    private final ProfileStore store;
    private final Executor io;
    private final ClientSettings settings;
    private final Consumer<String> problems;

    ClientProfiles(ProfileStore store, Executor io, ClientSettings settings, Consumer<String> problems) {
        this.store = store;
        this.io = io;
        this.settings = settings;
        this.problems = problems;
    }

    /** The sidebar selected {@code name} (null: none): its saved identity is shown in the settings. FX thread. */
    void selected(String name) {
        if (name == null) return;
        io.execute(() -> {
            try {
                ClientIdentity identity = saved(name).orElse(ClientSettings.DEFAULT);
                Platform.runLater(() -> settings.load(identity));
            } catch (IOException | IllegalArgumentException e) {
                problems.accept("The client settings saved with \u201c" + name + "\u201d cannot be used: " + e.getMessage());
            }
        });
    }

    /** Saves {@code identity} with the connection called {@code name}. FX thread; writes on {@code io}. */
    void save(String name, ClientIdentity identity) {
        io.execute(() -> {
            try {
                store.updateProfile(name, p -> ClientIdentityProfiles.write(p, identity));
                problems.accept("Client settings saved with \u201c" + name + "\u201d");
            } catch (IOException e) {
                problems.accept("Cannot save the client settings: " + e.getMessage());
            }
        });
    }

    /** The identity saved with {@code name}, read now (blocking: call off the FX thread). */
    Optional<ClientIdentity> saved(String name) throws IOException {
        return store.find(name).flatMap(ClientIdentityProfiles::read);
    }
}
