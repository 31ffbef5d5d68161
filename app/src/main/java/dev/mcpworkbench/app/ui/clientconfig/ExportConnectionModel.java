package dev.mcpworkbench.app.ui.clientconfig;

import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.app.ui.connect.ProfileStore;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import dev.mcpworkbench.inspector.io.AtomicFiles;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.ScanContext;
import dev.mcpworkbench.inspector.rules.config.ClientConfigExporter;
import dev.mcpworkbench.inspector.rules.config.ClientConfigImporter;
import dev.mcpworkbench.inspector.rules.config.ConfigScanner;
import dev.mcpworkbench.inspector.rules.config.McpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File > Export connection…: one saved connection in a client's configuration format, previewed
 * with what the configuration rules would say of it (a header or variable holding a token becomes
 * a CONFIG-001 secret literal in the client's file), then added to that client's file (its other
 * entries kept) off the FX thread.
 */
public final class ExportConnectionModel {

    private final ProfileFields profile;
    private final ServerTarget target;
    private final FxTasks tasks;
    private final Function<McpClient, List<Path>> whereClientsKeepConfigs;
    private final ObjectProperty<McpClient> client = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");

    public ExportConnectionModel(ProfileFields profile, FxTasks tasks) {
        this(profile, tasks, McpClient::locations);
    }

    /** @param whereClientsKeepConfigs each client's files, the first one the default (tests point it at a temp dir) */
    public ExportConnectionModel(ProfileFields profile, FxTasks tasks, Function<McpClient, List<Path>> whereClientsKeepConfigs) {
        this.profile = profile;
        this.target = ProfileStore.profile(profile).target();
        this.tasks = tasks;
        this.whereClientsKeepConfigs = whereClientsKeepConfigs;
        client.addListener((o, was, now) -> show(now));
        client.set(McpClient.CLAUDE_DESKTOP);
    }

    private void show(McpClient format) {
        if (format == null) return;
        List<Path> places = whereClientsKeepConfigs.apply(format);
        file.set(places.isEmpty() ? null : places.get(0));
        String text = ClientConfigExporter.file(format, profile.name(), target);
        preview.set(text);
        // the entry as the client's file would hold it, judged as `scan --config` judges a file
        try {
            var entries = ClientConfigImporter.importJson(text, format.label() + " configuration");
            findings.setAll(ConfigScanner.scan(entries, ScanContext.defaults()).get(0).findings());
        } catch (IOException e) {
            findings.clear();
        }
        status.set("");
    }

    /** Adds the entry to {@link #fileProperty()} (a new file when there is none), replacing one of the same name. */
    public void write() {
        Path into = file.get();
        McpClient format = client.get();
        if (into == null || format == null) return;
        status.set("Writing " + into + "\u2026");
        tasks.run("Exporting " + profile.name(), Duration.ofSeconds(20), () -> {
            String existing = Files.isRegularFile(into) ? Files.readString(into) : null;
            boolean replaced = existing != null && ClientConfigExporter.has(existing, profile.name());
            AtomicFiles.write(into, ClientConfigExporter.addTo(existing, format, profile.name(), target));
            return replaced;
        }, replaced -> status.set((replaced ? "Replaced the entry \u201c" : "Added \u201c") + profile.name() + "\u201d "
                + (replaced ? "in " : "to ") + into),
                e -> status.set("Cannot write " + into + ": " + FxTasks.message(e)));
    }

    public ProfileFields profile() {
        return profile;
    }

    public ObjectProperty<McpClient> clientProperty() {
        return client;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The whole file a client would read, holding this one connection. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
