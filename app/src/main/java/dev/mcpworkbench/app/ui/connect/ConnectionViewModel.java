package dev.mcpworkbench.app.ui.connect;

import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.app.ui.log.LogEntry;
import dev.mcpworkbench.app.ui.traffic.TrafficRow;
import dev.mcpworkbench.inspector.snapshot.ServerSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The sidebar's model: saved profiles, the active connection and its state (connecting,
 * connected, failed with a one-line reason), connect / disconnect / refresh commands. Every
 * blocking call runs through {@link FxTasks}; session callbacks hop to the FX thread.
 */
public final class ConnectionViewModel {

    /** What the workspace needs to hear from the active session. */
    public interface Sink {
        /** A connection to {@code profile} starts (saved or not); the previous one is already closed. */
        default void connecting(ProfileFields profile) {
        }

        void connected(ProfileFields profile, Connector.Session session, ServerSnapshot snapshot);

        void refreshed(ServerSnapshot snapshot);

        void disconnected();

        void traffic(List<TrafficRow> rows);

        void log(LogEntry entry);
    }

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(45);
    /** An HTTP server may send the user through an authorization page first (its callback waits up to 5 minutes). */
    static final Duration AUTHORIZING_CONNECT_TIMEOUT = Duration.ofMinutes(6);
    static final Duration LIST_TIMEOUT = Duration.ofSeconds(60);

    private final ObservableList<ProfileFields> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ProfileFields> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ProfileFields> active = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.DISCONNECTED);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Connector connector;
    private final ProfileStore store;
    private final FxTasks tasks;
    private final Executor fx;
    private final Sink sink;
    private Connector.Session session;
    private FxTasks.Handle connecting;
    private long generation;
    private boolean refreshing;
    private boolean refreshAgain;

    public ConnectionViewModel(Connector connector, ProfileStore store, FxTasks tasks, Executor fx, Sink sink) {
        this.connector = connector;
        this.store = store;
        this.tasks = tasks;
        this.fx = fx;
        this.sink = sink;
    }

    /** Where saved connections' header and environment values are kept (the dialog says so). */
    public dev.mcpworkbench.inspector.profile.SecretStore secrets() {
        return store.secrets();
    }

    public void loadProfiles(Consumer<String> onError) {
        tasks.run("Loading profiles", Duration.ofSeconds(20), store::load, list -> {
            profiles.setAll(list);
            if (!store.warning().isEmpty()) onError.accept(store.warning());
            if (!profiles.isEmpty() && selected.get() == null) selected.set(profiles.get(0));
        }, e -> onError.accept("Cannot read the connection profiles: " + FxTasks.message(e)));
    }

    public void saveProfile(ProfileFields previous, ProfileFields updated) {
        int i = previous == null ? -1 : profiles.indexOf(previous);
        if (previous != null && !previous.name().equals(updated.name())) store.renamed(previous.name(), updated.name());
        if (i >= 0) profiles.set(i, updated);
        else profiles.add(updated);
        selected.set(updated);
        persist();
        Connector.Session s = session;
        if (s != null && previous != null && previous.equals(active.get())) {
            // the connected server hears about new roots at once (roots/list_changed)
            active.set(updated);
            if (!previous.roots().equals(updated.roots())) s.setRoots(updated.roots());
        }
    }

    /**
     * Adds connections read elsewhere (a client's configuration), each under a name no other
     * connection has, saves them in one write and selects the first.
     */
    public void addProfiles(List<ProfileFields> added) {
        if (added.isEmpty()) return;
        List<String> taken = new ArrayList<>(namesBesides(null));
        ProfileFields first = null;
        for (ProfileFields p : added) {
            String name = ProfileNames.free(p.name(), taken);
            taken.add(name);
            ProfileFields named = name.equals(p.name()) ? p : new ProfileFields(name, p.kind(), p.command(), p.args(), p.env(),
                    p.workingDir(), p.url(), p.headers(), p.roots());
            profiles.add(named);
            if (first == null) first = named;
        }
        selected.set(first);
        persist();
    }

    /** Adds a copy of {@code p} named "… copy" (or "… copy 2"…, whichever is free) and selects it. */
    public void duplicate(ProfileFields p) {
        String name = ProfileNames.free(p.name() + " copy", namesBesides(null));
        saveProfile(null, new ProfileFields(name, p.kind(), p.command(), p.args(), p.env(), p.workingDir(), p.url(),
                p.headers(), p.roots()));
    }

    /** The names of the connections other than {@code edited} (null: of all of them), which a name must avoid. */
    public List<String> namesBesides(ProfileFields edited) {
        return profiles.stream().filter(p -> p != edited).map(ProfileFields::name).toList();
    }

    public void deleteProfile(ProfileFields p) {
        if (p == null) return;
        if (p.equals(active.get())) disconnect();
        profiles.remove(p);
        persist();
    }

    private void persist() {
        List<ProfileFields> copy = new ArrayList<>(profiles);
        tasks.run("Saving profiles", Duration.ofSeconds(20), () -> {
            store.save(copy);
            return copy.size();
        }, n -> { }, e -> error.set("Cannot save the profiles: " + FxTasks.message(e)));
    }

    /** Ctrl+K: connects the selected profile (closing any other connection first). */
    public void connect() {
        ProfileFields p = selected.get();
        if (p != null) connect(p);
    }

    /**
     * Connects {@code p}, saved or not (the lab and a typed URL pass fields of their own), closing
     * any other connection first: every door to a server goes through here.
     */
    public void connect(ProfileFields p) {
        disconnect();
        long gen = ++generation;
        active.set(p);
        state.set(ConnectionState.CONNECTING);
        error.set("");
        sink.connecting(p);
        Connector.Listener listener = new SessionEvents(gen);
        Duration limit = p.kind() == ProfileFields.Kind.STDIO ? CONNECT_TIMEOUT : AUTHORIZING_CONNECT_TIMEOUT;
        connecting = tasks.run("Connecting to " + p.name(), limit, () -> {
            Connector.Session s = connector.open(p, listener);
            try {
                return new Opened(s, s.snapshot());
            } catch (Exception e) {
                s.close();
                throw e;
            }
        }, opened -> {
            connecting = null;
            if (gen != generation) {
                opened.session().close();
                return;
            }
            session = opened.session();
            state.set(ConnectionState.CONNECTED);
            sink.connected(p, session, opened.snapshot());
        }, e -> {
            connecting = null;
            if (gen != generation) return;
            // Error first: listeners reacting to FAILED read the message.
            error.set(FxTasks.message(e));
            state.set(ConnectionState.FAILED);
        });
    }

    private record Opened(Connector.Session session, ServerSnapshot snapshot) {
    }

    /** Ctrl+Shift+K; also cancels a connection still being made. */
    public void disconnect() {
        generation++;
        refreshing = false;
        refreshAgain = false;
        if (connecting != null) {
            connecting.cancel();
            connecting = null;
        }
        Connector.Session s = session;
        session = null;
        if (s != null) {
            tasks.run("Disconnecting", Duration.ofSeconds(15), () -> {
                s.close();
                return true;
            }, ok -> { }, e -> { });
            sink.disconnected();
        }
        state.set(ConnectionState.DISCONNECTED);
        error.set("");
        active.set(null);
    }

    /** F5 and list_changed: lists everything again. */
    public void refresh() {
        Connector.Session s = session;
        if (s == null) return;
        if (refreshing) {
            // a burst of list_changed notifications becomes one more listing, not one each
            refreshAgain = true;
            return;
        }
        refreshing = true;
        tasks.run("Refreshing the server's lists", LIST_TIMEOUT, s::snapshot, snap -> {
            refreshDone();
            if (s == session) sink.refreshed(snap);
        }, e -> {
            refreshDone();
            sink.log(new LogEntry(Instant.now(), "error", "workbench", "Refresh failed: " + FxTasks.message(e)));
        });
    }

    private void refreshDone() {
        refreshing = false;
        if (refreshAgain) {
            refreshAgain = false;
            refresh();
        }
    }

    public void setLogLevel(String level) {
        Connector.Session s = session;
        if (s == null || level == null) return;
        tasks.run("Setting the server log level", Duration.ofSeconds(20), () -> {
            s.setLogLevel(level);
            return level;
        }, l -> sink.log(new LogEntry(Instant.now(), "info", "workbench", "Asked the server to log at " + l)),
                e -> sink.log(new LogEntry(Instant.now(), "error", "workbench", "logging/setLevel failed: " + FxTasks.message(e))));
    }

    /** Session callbacks arrive on connection threads; traffic is batched so a flood stays one runLater per burst. */
    private final class SessionEvents implements Connector.Listener {
        private final long gen;
        private final List<TrafficRow> pending = new ArrayList<>();
        private boolean scheduled;

        SessionEvents(long gen) {
            this.gen = gen;
        }

        @Override
        public void traffic(TrafficRow row) {
            synchronized (pending) {
                pending.add(row);
                if (scheduled) return;
                scheduled = true;
            }
            fx.execute(() -> {
                List<TrafficRow> batch;
                synchronized (pending) {
                    batch = new ArrayList<>(pending);
                    pending.clear();
                    scheduled = false;
                }
                if (gen == generation || gen == generation - 1) sink.traffic(batch);
            });
        }

        @Override
        public void log(LogEntry entry) {
            fx.execute(() -> {
                if (gen == generation) sink.log(entry);
            });
        }

        @Override
        public void listChanged(String list) {
            fx.execute(() -> {
                if (gen != generation) return;
                sink.log(new LogEntry(Instant.now(), "info", "server", list + " list changed: refreshing"));
                refresh();
            });
        }

        @Override
        public void closed(String reason) {
            fx.execute(() -> {
                if (gen != generation || reason == null) return;
                session = null;
                state.set(ConnectionState.FAILED);
                error.set("Connection lost: " + reason);
                sink.disconnected();
            });
        }
    }

    public ObservableList<ProfileFields> profiles() {
        return profiles;
    }

    public ObjectProperty<ProfileFields> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<ProfileFields> activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public Connector.Session session() {
        return session;
    }
}
