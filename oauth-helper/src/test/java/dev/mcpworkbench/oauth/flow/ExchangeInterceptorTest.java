package dev.mcpworkbench.oauth.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.http.RequestCancelledException;
import dev.mcpworkbench.oauth.http.RequestDraft;
import dev.mcpworkbench.oauth.http.RequestEdit;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Step-in mode's hook against the loopback authorization server: what the interceptor returns is what goes on the wire. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ExchangeInterceptorTest {

    private LoopbackOAuthServer as;
    private final FlowTrace trace = new FlowTrace();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        as = new LoopbackOAuthServer();
    }

    @AfterEach
    void stop() {
        as.close();
    }

    private OAuthSession session(ExchangeInterceptor interceptor) {
        FlowOptions options = new FlowOptions(null, null, null, null, 0, Duration.ofSeconds(10), new HeadlessAgent(), null, 2);
        OAuthSession session = new OAuthSession(as.mcpUrl(), options, new RecordingHttpClient(Duration.ofSeconds(5), 1 << 20),
                trace, new RegistrationStore());
        session.interceptWith((step, draft) -> {
            seen.add(step + " " + draft.method() + " " + draft.uri().getPath());
            return interceptor.intercept(step, draft);
        });
        return session;
    }

    @Test
    void everyRequestIsOfferedOnceWithItsStepAndTheEditedOneIsSentAndRecorded() throws Exception {
        OAuthSession session = session((step, draft) -> {
            if (step == StepKind.AUTHORIZATION_REQUEST) {
                return new RequestEdit(null, Map.of("scope", "mcp:write"), Map.of(), Map.of(), null).applyTo(draft);
            }
            if (step == StepKind.TOKEN_REQUEST) {
                Map<String, List<String>> headers = new LinkedHashMap<>(draft.headers());
                headers.put("X-Edited", List.of("yes"));
                return new RequestDraft(draft.method(), draft.uri(), headers, draft.body());
            }
            return draft;
        });

        assertThat(session.probeAndAuthorize()).isTrue();

        assertThat(as.lastForm.get("authorize")).containsEntry("scope", "mcp:write").containsKey("state");
        FlowStep token = trace.steps().stream().filter(s -> s.kind() == StepKind.TOKEN_REQUEST).findFirst().orElseThrow();
        HttpExchange sent = token.exchanges().get(0);
        assertThat(sent.requestHeaders()).containsEntry("X-Edited", List.of("yes"));
        FlowStep authorize = trace.steps().stream().filter(s -> s.kind() == StepKind.AUTHORIZATION_REQUEST).findFirst().orElseThrow();
        assertThat(authorize.inputs().get("authorization_url")).contains("scope=mcp%3Awrite");
        assertThat(authorize.exchanges()).extracting(x -> x.uri().getRawQuery()).allMatch(q -> q.contains("scope=mcp%3Awrite"));
        // the authorization URL is offered once (not again when the headless agent fetches it)
        assertThat(seen).filteredOn(s -> s.startsWith("AUTHORIZATION_REQUEST GET /authorize")).hasSize(1);
        assertThat(seen).anyMatch(s -> s.startsWith("PROBE POST"))
                .anyMatch(s -> s.startsWith("PROTECTED_RESOURCE_METADATA GET"))
                .anyMatch(s -> s.startsWith("TOKEN_REQUEST POST /token"))
                .anyMatch(s -> s.startsWith("AUTHENTICATED_REQUEST POST"));
    }

    @Test
    void aCancelledRequestIsNotSentAndTheFlowFailsWithTheReason() throws Exception {
        OAuthSession session = session((step, draft) -> {
            if (step == StepKind.TOKEN_REQUEST) throw new RequestCancelledException(RequestCancelledException.BY_THE_USER);
            return draft;
        });

        assertThatThrownBy(session::probeAndAuthorize).isInstanceOf(FlowException.class)
                .hasMessageContaining("cancelled by the user");
        assertThat(as.lastForm).containsKey("authorize").doesNotContainKey("token");
        List<String> tokenOffers = new ArrayList<>(seen.stream().filter(s -> s.startsWith("TOKEN_REQUEST")).toList());
        assertThat(tokenOffers).as("asked once; nothing after a cancel is offered").hasSize(1);
    }

    @Test
    void cancellingTheAuthorizationUrlFailsThatStep() {
        OAuthSession session = session((step, draft) -> {
            if (step == StepKind.AUTHORIZATION_REQUEST) throw new RequestCancelledException(RequestCancelledException.BY_THE_USER);
            return draft;
        });
        assertThatThrownBy(session::probeAndAuthorize).hasMessageContaining("cancelled by the user");
        assertThat(as.lastForm).doesNotContainKey("authorize");
        FlowStep failed = trace.steps().get(trace.steps().size() - 1);
        assertThat(failed.kind()).isEqualTo(StepKind.AUTHORIZATION_REQUEST);
        assertThat(failed.error()).isEqualTo("cancelled by the user");
    }
}
