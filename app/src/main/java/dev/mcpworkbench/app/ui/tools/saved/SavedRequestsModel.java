package dev.mcpworkbench.app.ui.tools.saved;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.app.ui.common.FxTasks;
import dev.mcpworkbench.inspector.profile.ProfileStore;
import dev.mcpworkbench.inspector.profile.SavedRequests;
import dev.mcpworkbench.inspector.profile.SavedRequests.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The saved tool calls of the server on screen. A server opened from a saved connection keeps them
 * in that profile (written off the FX thread, through the same profile store as suppressions and
 * pins); any other server keeps them for this run only, and {@link #whereProperty()} says so.
 */
public final class SavedRequestsModel {

    static final String SESSION_ONLY = "Kept until the app closes: save this server as a connection to keep its requests.";

    private final FxTasks tasks;
    private final ObservableList<Request> requests = FXCollections.observableArrayList();
    private final StringProperty where = new SimpleStringProperty(SESSION_ONLY);
    private final StringProperty status = new SimpleStringProperty("");
    private ProfileStore store;
    private String profile;
    private long generation;
    /** Writes run on their own threads and may finish out of order: the newest list must be the one left in the file. */
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private final Object writing = new Object();
    private long written;

    public SavedRequestsModel(FxTasks tasks) {
        this.tasks = tasks;
    }

    /** A new server is on screen: its profile's requests ({@code profileName} empty: none saved, session only). */
    public void follow(ProfileStore profiles, Optional<String> profileName) {
        long gen = ++generation;
        requests.clear();
        store = profiles;
        profile = profileName.orElse(null);
        where.set(profile == null ? SESSION_ONLY : "Saved in the connection \u201c" + profile + "\u201d.");
        if (profile == null) return;
        String name = profile;
        tasks.run("Reading saved requests", Duration.ofSeconds(20), () -> profiles.find(name).map(SavedRequests::of).orElse(List.of()),
                list -> {
                    if (gen == generation) requests.setAll(list);
                }, e -> status.set("Cannot read the saved requests: " + FxTasks.message(e)));
    }

    /** Saves a call made by hand under {@code name} (replacing one of that name), with its result if it has one. */
    public void save(String name, String tool, ObjectNode arguments, JsonNode result) {
        Request saved = new Request(name, tool, arguments, null).withLastResult(result);
        requests.removeIf(r -> r.name().equals(name));
        requests.add(saved);
        persist("Saved \u201c" + name + "\u201d");
    }

    /** A replay answered: its result becomes the one the next replay is compared with. */
    public void replayed(Request request, JsonNode result) {
        int i = requests.indexOf(request);
        if (i < 0) return;
        requests.set(i, request.withLastResult(result));
        persist("");
    }

    public void delete(Request request) {
        if (requests.remove(request)) persist("Deleted \u201c" + request.name() + "\u201d");
    }

    /** The requests of {@code tool}, in the order they were saved. */
    public List<Request> of(String tool) {
        return requests.stream().filter(r -> r.tool().equals(tool)).toList();
    }

    private void persist(String done) {
        status.set(done);
        if (profile == null || store == null) return;
        List<Request> copy = new ArrayList<>(requests);
        ProfileStore into = store;
        String name = profile;
        long mine = version.incrementAndGet();
        tasks.run("Saving requests", Duration.ofSeconds(20), () -> {
            synchronized (writing) {
                if (mine < written) return null; // a newer list is in the file already
                written = mine;
                return into.updateProfile(name, p -> SavedRequests.with(p, copy));
            }
        }, p -> { }, e -> status.set("Cannot save the requests in \u201c" + name + "\u201d: " + FxTasks.message(e)));
    }

    public ObservableList<Request> requests() {
        return requests;
    }

    public StringProperty whereProperty() {
        return where;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
