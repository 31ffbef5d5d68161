package dev.mcpworkbench.oauth.flow;

import dev.mcpworkbench.oauth.http.RequestCancelledException;
import dev.mcpworkbench.oauth.http.RequestDraft;

/**
 * Sees every request of the flow before it goes, with the step that makes it: the HTTP requests the
 * flow sends itself and the authorization URL handed to the browser (a GET draft; its edited URL is
 * what the browser opens). Called on the flow's thread and may block while a person reviews it.
 * Returns the request to send (the draft itself to change nothing); throws to cancel, and the flow
 * then fails at that step with the exception's reason.
 */
@FunctionalInterface
public interface ExchangeInterceptor {

    RequestDraft intercept(StepKind step, RequestDraft draft) throws RequestCancelledException;

    ExchangeInterceptor PASS = (step, draft) -> draft;
}
