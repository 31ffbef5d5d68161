package dev.mcpworkbench.app.ui.session;

import dev.mcpworkbench.app.ui.MainWindow;
import dev.mcpworkbench.app.ui.connect.ConnectionViewModel;
import dev.mcpworkbench.app.ui.connect.Connector;
import dev.mcpworkbench.app.ui.connect.ProfileFields;
import dev.mcpworkbench.app.ui.log.LogEntry;
import dev.mcpworkbench.app.ui.log.LogView;
import dev.mcpworkbench.app.ui.traffic.TrafficRow;
import dev.mcpworkbench.app.ui.traffic.TrafficView;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.kordamp.ikonli.feather.Feather;

/**
 * What is on screen: one server, from one {@link SessionSource}, with at most one live
 * connection. Every door (a saved profile, the lab, a typed URL, a snapshot file) goes through
 * here, and every live door through the same {@link ConnectionViewModel}, so traffic, log,
 * refresh, list_changed and disconnect behave alike. When another server comes on screen the
 * previous connection is closed first and the views that follow the session start over
 * ({@link #onBegin}). FX thread only.
 */
public final class ActiveSession implements ConnectionViewModel.Sink {

    private final MainWindow window;
    private final TrafficView traffic;
    private final LogView log;
    private final ReadOnlyObjectWrapper<SessionSource> source = new ReadOnlyObjectWrapper<>();
    private final List<Consumer<SessionSource>> beginListeners = new ArrayList<>();
    private ConnectionViewModel connection;
    /** The door whose fields are being connected; a connection from the sidebar has none. */
    private Pending pending;
    private long generation;

    private record Pending(SessionSource source, ProfileFields fields) {
    }

    public ActiveSession(MainWindow window, TrafficView traffic, LogView log) {
        this.window = window;
        this.traffic = traffic;
        this.log = log;
        window.onSnapshotRead(this::showFile);
    }

    /** The one connection model of the window (built with this session as its sink). */
    public void attach(ConnectionViewModel connectionModel) {
        this.connection = connectionModel;
    }

    /** Connects {@code fields} (not saved in the sidebar) as coming from {@code from}. */
    public void open(SessionSource from, ProfileFields fields) {
        pending = new Pending(from, fields);
        connection.connect(fields);
    }

    /** Reads a snapshot file in the background, then shows it in place of whatever was on screen. */
    public void openFile(Path file) {
        window.openSnapshot(file);
    }

    private void showFile(Path file, ServerSnapshot snapshot) {
        connection.disconnect();
        begin(new SessionSource.SnapshotFile(file));
        window.showSnapshot(snapshot);
        window.status().setConnection("Snapshot: " + file.getFileName(), Feather.FILE, null);
        window.status().setMessage("Opened " + file + " · " + snapshot.tools().size() + " tools");
    }

    public void disconnect() {
        connection.disconnect();
    }

    /** F5: lists everything again (nothing to do for a snapshot file). */
    public void refresh() {
        connection.refresh();
    }

    /** Views that belong to one server start over here: called with the new source, before its first traffic. */
    public void onBegin(Consumer<SessionSource> listener) {
        beginListeners.add(listener);
    }

    private void begin(SessionSource from) {
        generation++;
        traffic.reset();
        log.reset();
        source.set(from);
        beginListeners.forEach(l -> l.accept(from));
    }

    /** Changes with every server brought on screen; work started for one must not land on the next. */
    public long generation() {
        return generation;
    }

    /** The server on screen was saved as a connection: from now on it is that profile's. */
    public void savedAs(String profileName) {
        source.set(new SessionSource.Saved(profileName));
    }

    public ReadOnlyObjectProperty<SessionSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public SessionSource source() {
        return source.get();
    }

    /** The saved connection the server on screen belongs to, if it does. */
    public java.util.Optional<String> profileName() {
        return source.get() instanceof SessionSource.Saved saved ? java.util.Optional.of(saved.name()) : java.util.Optional.empty();
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    @Override
    public void connecting(ProfileFields profile) {
        Pending door = pending;
        pending = null;
        begin(door != null && door.fields() == profile ? door.source() : new SessionSource.Saved(profile.name()));
    }

    @Override
    public void connected(ProfileFields profile, Connector.Session session, ServerSnapshot snapshot) {
        window.workspace().liveProperty().set(session);
        window.showSnapshot(snapshot);
        window.status().setMessage("Connected to " + source.get().label() + " · " + snapshot.serverName() + " "
                + snapshot.serverVersion() + " · " + snapshot.tools().size() + " tools");
    }

    @Override
    public void refreshed(ServerSnapshot snapshot) {
        window.workspace().show(snapshot);
        window.status().setMessage("Refreshed · " + snapshot.tools().size() + " tools");
    }

    @Override
    public void disconnected() {
        window.workspace().liveProperty().set(null);
    }

    @Override
    public void traffic(List<TrafficRow> rows) {
        // a connection closed for a snapshot file says goodbye after the file is on screen
        if (source.get() != null && source.get().live()) traffic.add(rows);
    }

    @Override
    public void log(LogEntry entry) {
        if (source.get() != null && source.get().live()) log.add(entry);
    }
}
