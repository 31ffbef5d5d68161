package dev.mcpworkbench.app.ui.lab;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * State of the lab: which servers run and at which URL, and the start / stop / start-and-connect
 * commands. Servers start on {@code background}; results land on the FX thread through {@code ui}.
 */
public final class LabViewModel {

    private final LabControl control;
    private final Executor background;
    private final Executor ui;
    private final ObservableMap<DemoServer, URI> running = FXCollections.observableHashMap();
    // One read-only view, kept: a view listens to its map weakly, so a fresh view per call was
    // collected with its listeners, and the Lab menu stopped following starts and stops.
    private final ObservableMap<DemoServer, URI> runningView = FXCollections.unmodifiableObservableMap(running);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private BiConsumer<DemoServer, URI> connector = (kind, url) -> { };

    public LabViewModel(LabControl control, Executor background, Executor ui) {
        this.control = control;
        this.background = background;
        this.ui = ui;
    }

    /** What "connect" does: the main window opens a connection to the started server. */
    public void setConnector(BiConsumer<DemoServer, URI> connectTo) {
        connector = connectTo;
    }

    public void start(DemoServer kind, String behaviour) {
        launch(kind, behaviour, false);
    }

    public void startAndConnect(DemoServer kind) {
        launch(kind, "", true);
    }

    public void stop(DemoServer kind) {
        background.execute(() -> {
            control.stop(kind);
            ui.execute(() -> {
                running.remove(kind);
                status.set(kind.title() + " stopped.");
            });
        });
    }

    public void stopAll() {
        List.copyOf(running.keySet()).forEach(this::stop);
    }

    public List<LabControl.Behaviour> behaviours(DemoServer kind) {
        return control.behaviours(kind);
    }

    private void launch(DemoServer kind, String behaviour, boolean connect) {
        busy.set(true);
        status.set("Starting " + kind.title() + "…");
        background.execute(() -> {
            try {
                URI url = control.start(kind, behaviour == null ? "" : behaviour);
                ui.execute(() -> {
                    busy.set(false);
                    running.put(kind, url);
                    status.set(kind.title() + " running at " + url
                            + (behaviour == null || behaviour.isEmpty() ? "" : " (" + behaviour + ")"));
                    if (connect) connector.accept(kind, url);
                });
            } catch (Exception e) {
                ui.execute(() -> {
                    busy.set(false);
                    status.set("Could not start " + kind.title() + ": " + e.getMessage());
                });
            }
        });
    }

    public ObservableMap<DemoServer, URI> running() {
        return runningView;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
