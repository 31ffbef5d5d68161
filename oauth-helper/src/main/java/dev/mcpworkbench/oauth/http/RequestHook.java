package dev.mcpworkbench.oauth.http;

import java.util.function.Consumer;

/**
 * Called by {@link RecordingHttpClient} before every send, on the sending thread; it may block (a
 * person reviewing the request). {@code sink} is where the exchange will be recorded, which tells a
 * flow which of its steps is asking. Returns the request to send; throws to send nothing.
 */
@FunctionalInterface
public interface RequestHook {

    RequestDraft beforeSend(RequestDraft draft, Consumer<HttpExchange> sink) throws RequestCancelledException;

    RequestHook PASS = (draft, sink) -> draft;
}
