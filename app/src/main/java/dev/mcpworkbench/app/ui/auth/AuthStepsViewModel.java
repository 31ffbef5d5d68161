package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.flow.FlowListener;
import dev.mcpworkbench.oauth.flow.FlowStep;
import dev.mcpworkbench.oauth.flow.FlowTrace;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.http.HttpExchange;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The authorization steps of one connection as they pass. It listens to the oauth-helper's
 * {@link FlowTrace} (events arrive on the flow's thread and hop to the FX thread through {@code ui})
 * and keeps one row per step, with the steps still to come shown as waiting.
 */
public final class AuthStepsViewModel implements FlowListener {

    /** The regular sequence; refresh appears only when it happens. */
    static final List<StepKind> SEQUENCE = List.of(StepKind.PROBE, StepKind.PROTECTED_RESOURCE_METADATA,
            StepKind.AUTHORIZATION_SERVER_METADATA, StepKind.CLIENT_REGISTRATION, StepKind.AUTHORIZATION_REQUEST,
            StepKind.CALLBACK, StepKind.TOKEN_REQUEST, StepKind.AUTHENTICATED_REQUEST);

    private final Executor ui;
    private final ObservableList<StepItem> steps = FXCollections.observableArrayList();
    private final ObjectProperty<StepItem> selected = new SimpleObjectProperty<>();
    private final BooleanProperty revealSecrets = new SimpleBooleanProperty(false);
    private boolean followLatest = true;
    private boolean connectedWithoutToken;
    private final javafx.beans.property.ReadOnlyBooleanWrapper noAuthorizationNeeded = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private volatile FlowTrace current;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No authorization has run on this connection.");

    private final javafx.beans.property.IntegerProperty selectedExchange = new javafx.beans.property.SimpleIntegerProperty(-1);
    private final BooleanProperty stepThrough = new SimpleBooleanProperty(false);
    private final ObjectProperty<PendingRequest> pendingRequest = new SimpleObjectProperty<>();
    private final ObjectProperty<java.net.URI> awaitingRedirect = new SimpleObjectProperty<>();
    private final javafx.beans.property.StringProperty clientSummary = new javafx.beans.property.SimpleStringProperty("");
    private volatile AuthCommands commands = AuthCommands.NONE;

    public AuthStepsViewModel(Executor ui) {
        this.ui = ui;
    }

    /** The trace on screen (an empty one before any connection). */
    public FlowTrace trace() {
        FlowTrace t = current;
        return t == null ? new FlowTrace() : t;
    }

    public void useCommands(AuthCommands replacement) {
        this.commands = replacement == null ? AuthCommands.NONE : replacement;
        clientSummary.set(commands.clientSummary());
    }

    public AuthCommands commands() {
        return commands;
    }

    /** Called on the flow's thread in step-in mode: the request waits on screen for the user. */
    public void offer(PendingRequest request) {
        ui.execute(() -> pendingRequest.set(request));
    }

    /** The user sent or cancelled the request on screen. */
    public void decided(PendingRequest request) {
        if (pendingRequest.get() == request) pendingRequest.set(null);
    }

    /** Called off the FX thread: the authorization URL the flow waits on (null when it no longer waits). */
    public void awaitingRedirect(java.net.URI url) {
        ui.execute(() -> awaitingRedirect.set(url));
    }

    /** The user picked an exchange (in the diagram): its step, with that exchange shown. */
    public void chooseExchange(StepItem item, int exchange) {
        if (item == null) return;
        followLatest = false;
        selected.set(item);
        selectedExchange.set(exchange);
    }

    public javafx.beans.property.ReadOnlyIntegerProperty selectedExchangeProperty() {
        return selectedExchange;
    }

    public BooleanProperty stepThroughProperty() {
        return stepThrough;
    }

    public ObjectProperty<PendingRequest> pendingRequestProperty() {
        return pendingRequest;
    }

    public javafx.beans.property.ReadOnlyObjectProperty<java.net.URI> awaitingRedirectProperty() {
        return awaitingRedirect;
    }

    public javafx.beans.property.StringProperty clientSummaryProperty() {
        return clientSummary;
    }

    /** Starts following {@code trace}: its past steps are shown at once, new ones as they pass. */
    public void follow(FlowTrace trace) {
        current = trace;
        // One forwarding listener per trace: a previous connection's late events (a refresh) are dropped.
        trace.addListener(new FlowListener() {
            @Override
            public void stepStarted(FlowStep step) {
                if (current == trace) AuthStepsViewModel.this.stepStarted(step);
            }

            @Override
            public void exchangeRecorded(FlowStep step, HttpExchange exchange) {
                if (current == trace) AuthStepsViewModel.this.exchangeRecorded(step, exchange);
            }

            @Override
            public void findingRaised(FlowStep step, OAuthFinding finding) {
                if (current == trace) AuthStepsViewModel.this.findingRaised(step, finding);
            }

            @Override
            public void stepFinished(FlowStep step) {
                if (current == trace) AuthStepsViewModel.this.stepFinished(step);
            }
        });
        List<FlowStep> past = trace.steps();
        ui.execute(() -> {
            steps.clear();
            followLatest = true;
            selectedExchange.set(-1);
            pendingRequest.set(null);
            connectedWithoutToken = false;
            selected.set(null);
            past.forEach(this::upsert);
            addPending();
            updateSummary();
        });
    }

    @Override
    public void stepStarted(FlowStep step) {
        ui.execute(() -> {
            upsert(step);
            if (followLatest) {
                selectedExchange.set(-1);
                selected.set(find(step));
            }
            updateSummary();
        });
    }

    @Override
    public void exchangeRecorded(FlowStep step, HttpExchange exchange) {
        ui.execute(() -> upsert(step));
    }

    @Override
    public void findingRaised(FlowStep step, OAuthFinding finding) {
        ui.execute(() -> upsert(step));
    }

    @Override
    public void stepFinished(FlowStep step) {
        ui.execute(() -> {
            upsert(step);
            updateSummary();
        });
    }

    /**
     * The connection is up. When the server never asked for a token (no 401, or a probe it answered
     * without one), nothing is waiting: the steps to come are dropped and the summary says so.
     */
    public void connected() {
        ui.execute(() -> {
            if (!steps.stream().allMatch(i -> i.isPending() || answeredWithoutToken(i))) return;
            connectedWithoutToken = true;
            steps.removeIf(StepItem::isPending);
            updateSummary();
        });
    }

    /** A probe the server answered with a success: it serves requests without a token. */
    private static boolean answeredWithoutToken(StepItem item) {
        String status = item.step().outputs().getOrDefault("status", "");
        return item.kind() == StepKind.PROBE && item.step().status() == FlowStep.Status.PASSED && status.startsWith("2");
    }

    /** Replaces the row of {@code step} (or the first waiting row of its kind) with a fresh revision. */
    private void upsert(FlowStep step) {
        for (int i = 0; i < steps.size(); i++) {
            StepItem item = steps.get(i);
            if (item.step() == step) {
                replace(i, new StepItem(step.kind(), step, item.revision() + 1));
                return;
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).isPending() && steps.get(i).kind() == step.kind()) {
                replace(i, new StepItem(step.kind(), step, 1));
                // Steps run in order: rows still waiting above this one were passed by (a machine grant
                // has no authorization request and no callback), so they go instead of waiting forever.
                steps.subList(0, i).removeIf(StepItem::isPending);
                return;
            }
        }
        // A step out of the regular order (a refresh, a second authorization): drop the waiting rows
        // and append, so the list is what happened, in order.
        steps.removeIf(StepItem::isPending);
        steps.add(new StepItem(step.kind(), step, 1));
    }

    private void replace(int index, StepItem item) {
        boolean wasSelected = steps.get(index).equals(selected.get());
        steps.set(index, item);
        if (wasSelected) selected.set(item);
    }

    private void addPending() {
        if (steps.isEmpty()) SEQUENCE.forEach(k -> steps.add(StepItem.pending(k)));
    }

    private StepItem find(FlowStep step) {
        return steps.stream().filter(i -> i.step() == step).findFirst().orElse(null);
    }

    private void updateSummary() {
        long ran = steps.stream().filter(i -> !i.isPending()).count();
        long failed = steps.stream().filter(i -> "failed".equals(i.state())).count();
        long findings = steps.stream().filter(i -> !i.isPending()).mapToLong(i -> i.step().findings().size()).sum();
        boolean done = steps.stream().anyMatch(i -> i.kind() == StepKind.AUTHENTICATED_REQUEST && "passed".equals(i.state()));
        boolean noneNeeded = steps.stream().allMatch(i -> i.isPending() || answeredWithoutToken(i))
                && (connectedWithoutToken || ran > 0);
        noAuthorizationNeeded.set(noneNeeded);
        summary.set(noneNeeded ? "No authorization needed: the server answered without asking for a token."
                : ran == 0 ? "Waiting for the server to ask for authorization."
                : failed > 0 ? "Authorization failed at " + steps.stream().filter(i -> "failed".equals(i.state()))
                        .findFirst().map(i -> i.kind().title()).orElse("") + "; " + findings + " findings."
                : done ? "Authorized. " + findings + " findings."
                : "Authorizing… step " + ran + "; " + findings + " findings so far.");
    }

    /** The user picked a step: stop jumping to each new step. */
    public void choose(StepItem item) {
        if (item == null || item.equals(selected.get())) return;
        // A row replaced by its next revision re-selects itself in the list: not the user's choice.
        StepItem now = selected.get();
        if (now != null && item.step() != null && item.step() == now.step()) return;
        followLatest = false;
        selectedExchange.set(-1);
        selected.set(item);
    }

    public ObservableList<StepItem> steps() {
        return FXCollections.unmodifiableObservableList(steps);
    }

    public ObjectProperty<StepItem> selectedProperty() {
        return selected;
    }

    public BooleanProperty revealSecretsProperty() {
        return revealSecrets;
    }

    /** True once a connection is up that the server served without asking for a token. */
    public javafx.beans.property.ReadOnlyBooleanProperty noAuthorizationNeededProperty() {
        return noAuthorizationNeeded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
