package dev.mcpworkbench.app.ui.findings;

import dev.mcpworkbench.app.ui.MainWindow;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.connect.ConnectionViewModel;
import dev.mcpworkbench.app.ui.connect.ProfileDialog;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.app.ui.connect.ProfileStore;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.net.URI;
import java.time.Duration;

/**
 * "Save as connection…" for a server reached by a typed URL: a new saved connection, prefilled
 * and editable, which takes over the server's suppressions and pin; later changes are written to it.
 */
final class SaveAsConnection {

    /** Told once the profile is written, with the stores it now uses and those it replaced. */
    interface Adopter {
        void adopt(String name, ProfileAnalysisStore saved, ProfileAnalysisStore was, ServerSnapshot snapshot);
    }

    private final MainWindow window;
    private final FindingsViewModel findings;
    private final Adopter adopter;
    private ConnectionViewModel connections;
    private dev.mcpworkbench.inspector.profile.ProfileStore profileStore;

    SaveAsConnection(MainWindow window, FindingsViewModel findings, Adopter adopter) {
        this.window = window;
        this.findings = findings;
        this.adopter = adopter;
    }

    void use(ConnectionViewModel savedConnections, dev.mcpworkbench.inspector.profile.ProfileStore store) {
        this.connections = savedConnections;
        this.profileStore = store;
    }

    void offer(URI url, ProfileAnalysisStore stores) {
        ServerSnapshot snapshot = findings.snapshotProperty().get();
        if (stores == null || snapshot == null || connections == null) return;
        String suggested = snapshot.serverName().isBlank() ? url.getHost() : snapshot.serverName();
        ProfileFields prefill = ProfileFields.http(suggested, url);
        ProfileDialog dialog = ProfileDialog.saveAs(window.getScene().getWindow(), prefill, connections.namesBesides(null))
                .showingSecrets(connections.secrets());
        dialog.showAndWait().ifPresent(fields -> FxTasks.shared().run("Saving the connection " + fields.name(),
                Duration.ofSeconds(20),
                () -> stores.saveAs(profileStore, ProfileStore.profile(fields)),
                saved -> {
                    // the sidebar's own save reads the file first, so it keeps the suppressions and pin just written
                    connections.saveProfile(null, fields);
                    window.status().setMessage("Saved as the connection \u201c" + fields.name()
                            + "\u201d, with its suppressions and pin.");
                    adopter.adopt(fields.name(), saved, stores, snapshot);
                },
                e -> window.status().setMessage("Could not save the connection: " + FxTasks.message(e))));
    }
}
