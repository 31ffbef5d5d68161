package dev.mcpworkbench.inspector.connect;

import java.time.Duration;

/**
 * Per-request settings.
 *
 * @param timeout          give up (and send {@code notifications/cancelled}) after this long; null = the connection default
 * @param progress     ask for progress ({@code _meta.progressToken}); progress arrives as {@link ConnectionEvent.Progress}
 * @param progressResetsTimeout restart the timeout whenever progress arrives (long-running tools)
 */
public record RequestOptions(Duration timeout, boolean progress, boolean progressResetsTimeout) {

    public static final RequestOptions DEFAULT = new RequestOptions(null, false, false);

    public static RequestOptions timeout(Duration timeout) {
        return new RequestOptions(timeout, false, false);
    }

    /** Asks for progress notifications; each one restarts the timeout. */
    public RequestOptions withProgress() {
        return new RequestOptions(timeout, true, true);
    }
}
