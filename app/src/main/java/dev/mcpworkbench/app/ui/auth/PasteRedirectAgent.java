package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.oauth.flow.AuthorizationAgent;
import dev.mcpworkbench.oauth.flow.FlowException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Hands the authorization URL to another agent (the system browser, or a scripted one) and then
 * waits for whichever comes first: the loopback listener's callback, or the redirect URL the user
 * pastes (when no desktop browser opens, or the browser runs on another machine and cannot reach
 * the loopback callback). {@code awaiting} is told the URL while waiting and null when done.
 */
public final class PasteRedirectAgent implements AuthorizationAgent {

    private final Consumer<URI> awaiting;
    private final Duration timeout;
    private volatile AuthorizationAgent opener;
    private volatile CompletableFuture<URI> pasted = new CompletableFuture<>();

    public PasteRedirectAgent(AuthorizationAgent opener, Consumer<URI> awaiting, Duration timeout) {
        this.opener = opener;
        this.awaiting = awaiting;
        this.timeout = timeout;
    }

    /** Who opens the URL: the system browser unless replaced. */
    public void openWith(AuthorizationAgent replacement) {
        this.opener = replacement;
    }

    @Override
    public URI authorize(URI authorizationUrl, URI redirectUri, AgentContext context) throws FlowException {
        CompletableFuture<URI> paste = new CompletableFuture<>();
        pasted = paste;
        awaiting.accept(authorizationUrl);
        try {
            URI direct = opener.authorize(authorizationUrl, redirectUri, context);
            if (direct != null) return direct;
            Object first = CompletableFuture.anyOf(context.loopbackCallback(), paste).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (paste.isDone() && first.equals(paste.getNow(null))) context.note("The user pasted the redirect URL");
            return (URI) first;
        } catch (TimeoutException | ExecutionException e) {
            return null; // the flow reports that no callback came
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            awaiting.accept(null);
        }
    }

    /**
     * The URL the browser was sent to after the authorization server answered: it must carry a
     * {@code code} or an {@code error}. The flow then checks it as it checks the loopback callback.
     */
    public void paste(String text) {
        String trimmed = text == null ? "" : text.trim();
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage());
        }
        String query = uri.getRawQuery() == null ? "" : "&" + uri.getRawQuery();
        if (!uri.isAbsolute() || !(query.contains("&code=") || query.contains("&error="))) {
            throw new IllegalArgumentException("paste the whole URL the browser was redirected to (it has ?code=… or ?error=…)");
        }
        pasted.complete(uri);
    }
}
