package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.RequestCancelledException;
import dev.mcpworkbench.oauth.http.RequestDraft;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A request the flow is holding until the user sends it (possibly edited) or cancels it.
 * {@code original} is what the flow built; {@code proposed} is it with the previous run's edit
 * applied ({@code reapplied} says whether there was one).
 */
public final class PendingRequest {

    private final StepKind step;
    private final RequestDraft original;
    private final RequestDraft proposed;
    private final boolean reapplied;
    private final CompletableFuture<RequestDraft> decision = new CompletableFuture<>();

    PendingRequest(StepKind step, RequestDraft original, RequestDraft proposed, boolean reapplied) {
        this.step = step;
        this.original = original;
        this.proposed = proposed;
        this.reapplied = reapplied;
    }

    public StepKind step() {
        return step;
    }

    public RequestDraft original() {
        return original;
    }

    public RequestDraft proposed() {
        return proposed;
    }

    public boolean reapplied() {
        return reapplied;
    }

    public boolean isDecided() {
        return decision.isDone();
    }

    /** Lets {@code request} go as it is. */
    public void send(RequestDraft request) {
        decision.complete(request);
    }

    public void cancel() {
        decision.completeExceptionally(new RequestCancelledException(RequestCancelledException.BY_THE_USER));
    }

    /** Blocks the flow's thread until the user decides; an interrupt counts as a cancel. */
    RequestDraft await() throws RequestCancelledException {
        try {
            return decision.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestCancelledException(RequestCancelledException.BY_THE_USER);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RequestCancelledException cancelled) throw cancelled;
            throw new RequestCancelledException(String.valueOf(e.getCause()));
        }
    }
}
