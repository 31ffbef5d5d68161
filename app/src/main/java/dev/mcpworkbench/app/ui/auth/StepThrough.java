package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.oauth.flow.ExchangeInterceptor;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.RequestCancelledException;
import dev.mcpworkbench.oauth.http.RequestDraft;
import dev.mcpworkbench.oauth.http.RequestEdit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Step-in mode: when on, each request of the flow waits for the user (who sees it, may edit it,
 * sends or cancels it). The user's edits are kept, as differences, by step, method, path and
 * occurrence, so a replay can offer them again on the new run's requests (which carry a fresh
 * state, PKCE challenge and code). Off, requests pass untouched.
 */
public final class StepThrough implements ExchangeInterceptor {

    private record Key(StepKind step, String method, String path, int occurrence) {
    }

    private final Consumer<PendingRequest> show;
    private final Map<Key, RequestEdit> edits = new ConcurrentHashMap<>();
    private final Map<String, Integer> occurrences = new ConcurrentHashMap<>();
    private volatile boolean enabled;
    private volatile StepKind askFrom;

    /** @param show called on the flow's thread with each request to decide; it must hop to the UI itself */
    public StepThrough(Consumer<PendingRequest> show) {
        this.show = show;
    }

    public void setEnabled(boolean on) {
        this.enabled = on;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** A new connection: earlier edits belong to another server. */
    public void freshRun() {
        edits.clear();
        occurrences.clear();
        askFrom = null;
    }

    /**
     * A replay from {@code step}: earlier steps' edits are applied without asking, and from
     * {@code step} on each request is shown with its earlier edit applied.
     */
    public void replayFrom(StepKind step) {
        occurrences.clear();
        askFrom = step;
    }

    /** How many edits are kept for a replay. */
    public int editCount() {
        return edits.size();
    }

    @Override
    public RequestDraft intercept(StepKind step, RequestDraft draft) throws RequestCancelledException {
        if (!enabled) return draft;
        String path = draft.uri().getRawPath() == null ? "" : draft.uri().getRawPath();
        int n = occurrences.merge(step + " " + draft.method() + " " + path, 1, Integer::sum);
        Key key = new Key(step, draft.method(), path, n);
        RequestEdit earlier = edits.get(key);
        RequestDraft proposed = earlier == null ? draft : earlier.applyTo(draft);
        StepKind from = askFrom;
        if (from != null && step.ordinal() < from.ordinal()) return proposed;
        PendingRequest pending = new PendingRequest(step, draft, proposed, earlier != null);
        show.accept(pending);
        RequestDraft sent = pending.await();
        RequestEdit edit = RequestEdit.between(draft, sent);
        if (edit.isEmpty()) edits.remove(key);
        else edits.put(key, edit);
        return sent;
    }
}
