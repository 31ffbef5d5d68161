package dev.mcpworkbench.app.ui.drift;

import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the drift screen: the pin of the current profile, what changed since, the selected
 * change, and the pin / re-pin command. Work runs on {@code background}; results land via {@code ui}.
 */
public final class DriftViewModel {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final Executor background;
    private final Executor ui;
    private final ObservableList<ItemChange> changes = FXCollections.observableArrayList();
    private final ObjectProperty<ItemChange> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper pinDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper storageNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pinned = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private DriftBaseline baseline;
    private ServerSnapshot current;

    public DriftViewModel(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Compares {@code snapshot} (just received) with the baseline of the profile it came from. */
    public void show(DriftBaseline profileBaseline, ServerSnapshot snapshot) {
        baseline = profileBaseline;
        current = snapshot;
        storageNote.set(profileBaseline.where());
        refresh();
    }

    /** Pins the current snapshot (first pin or re-pin), then shows no changes. */
    public void pinCurrent() {
        if (baseline == null || current == null) {
            status.set("Connect to a server first.");
            return;
        }
        DriftBaseline target = baseline;
        ServerSnapshot snapshot = current;
        run(() -> {
            target.pin(snapshot);
            return "Pinned " + snapshot.tools().size() + " tools as the baseline.";
        });
    }

    private void refresh() {
        if (baseline == null || current == null) return;
        run(() -> null);
    }

    private interface Work {
        String call() throws Exception;
    }

    /** Runs {@code work}, then reloads pin and changes; all of it off the FX thread. */
    private void run(Work work) {
        DriftBaseline target = baseline;
        ServerSnapshot snapshot = current;
        busy.set(true);
        background.execute(() -> {
            String done;
            try {
                done = work.call();
            } catch (Exception e) {
                fail("Could not save the pin: " + e.getMessage());
                return;
            }
            try {
                Optional<DriftBaseline.PinInfo> pin = target.pinned();
                List<ItemChange> found = pin.isPresent() ? target.changesSince(snapshot) : List.of();
                ui.execute(() -> apply(pin, found, done));
            } catch (Exception e) {
                fail("Drift check failed: " + e.getMessage());
            }
        });
    }

    private void fail(String message) {
        ui.execute(() -> {
            busy.set(false);
            status.set(message);
        });
    }

    private void apply(Optional<DriftBaseline.PinInfo> pin, List<ItemChange> found, String done) {
        busy.set(false);
        pinned.set(pin.isPresent());
        pinDescription.set(pin.map(p -> "Baseline pinned " + WHEN.format(p.pinnedAt()) + " · "
                + p.serverName() + (p.serverVersion().isEmpty() ? "" : " " + p.serverVersion())
                + " · " + p.tools() + " tools").orElse("No baseline pinned for this profile."));
        changes.setAll(found);
        selected.set(found.isEmpty() ? null : found.get(0));
        if (done != null) status.set(done);
        else if (pin.isEmpty()) status.set("Pin this snapshot to be warned when the server's definitions change.");
        else status.set(found.isEmpty() ? "No changes since the pin." : found.size() + " changes since the pin.");
    }

    public ObservableList<ItemChange> changes() {
        return FXCollections.unmodifiableObservableList(changes);
    }

    public ObjectProperty<ItemChange> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty pinDescriptionProperty() {
        return pinDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Where the pin is kept (the connection profile, or this session only). */
    public ReadOnlyStringProperty storageNoteProperty() {
        return storageNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
