package dev.mcpworkbench.app.cli.auth;

import dev.mcpworkbench.oauth.flow.OAuthSession;
import io.modelcontextprotocol.client.transport.HttpRequestSnapshot;
import io.modelcontextprotocol.client.transport.customizer.McpHttpClientTransportAuthorizationErrorHandler;
import io.modelcontextprotocol.common.McpTransportContext;
import java.net.http.HttpResponse;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Bridges the MCP SDK's 401/403 hook to the OAuth session: runs the flow (or a refresh, or a step-up)
 * off the transport's thread and tells the SDK whether to retry with the new token.
 */
public final class SessionAuthorizationErrorHandler implements McpHttpClientTransportAuthorizationErrorHandler {

    private final OAuthSession session;

    public SessionAuthorizationErrorHandler(OAuthSession session) {
        this.session = session;
    }

    @Override
    public Publisher<Boolean> handle(HttpRequestSnapshot request, HttpResponse.ResponseInfo response, McpTransportContext context) {
        List<String> challenge = response.headers().allValues("WWW-Authenticate");
        int status = response.statusCode();
        return Mono.fromCallable(() -> session.onAuthorizationError(status, challenge))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Enough for a refresh then a new authorization, or the step-up limit, within one request. */
    @Override
    public int maxRetries() {
        return 3;
    }
}
