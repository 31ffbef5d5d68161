package dev.mcpworkbench.oauth.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real flow against the loopback authorization server, written as HAR 1.2. */
class FlowHarTest {

    private LoopbackOAuthServer as;
    private final FlowTrace trace = new FlowTrace();
    private String token;

    @BeforeEach
    void authorize() throws Exception {
        as = new LoopbackOAuthServer();
        FlowOptions options = new FlowOptions(null, null, null, null, 0, Duration.ofSeconds(10), new HeadlessAgent(), null, 2);
        try (OAuthSession session = new OAuthSession(as.mcpUrl(), options, new RecordingHttpClient(Duration.ofSeconds(5), 1 << 20),
                trace, new RegistrationStore())) {
            session.probeAndAuthorize();
            token = session.accessToken().orElseThrow();
        }
    }

    @AfterEach
    void stop() {
        as.close();
    }

    @Test
    void everyExchangeOfEveryStepIsAnEntryNamedByItsStep() throws Exception {
        JsonNode log = new ObjectMapper().readTree(FlowHar.render(trace, "1.0", false)).path("log");
        long exchanges = trace.steps().stream().mapToLong(s -> s.exchanges().size()).sum();
        assertThat(log.path("version").asText()).isEqualTo("1.2");
        assertThat(log.path("entries")).hasSize((int) exchanges);
        JsonNode tokenRequest = null;
        for (JsonNode e : log.path("entries")) {
            if (e.path("request").path("url").asText().endsWith("/token")) tokenRequest = e;
        }
        assertThat(tokenRequest).isNotNull();
        assertThat(tokenRequest.path("comment").asText()).isEqualTo(StepKind.TOKEN_REQUEST.title());
        assertThat(tokenRequest.path("request").path("method").asText()).isEqualTo("POST");
        assertThat(tokenRequest.path("response").path("status").asInt()).isEqualTo(200);
    }

    @Test
    void tokensAreMaskedUnlessRevealed() {
        assertThat(FlowHar.render(trace, "1.0", false)).doesNotContain(token);
        assertThat(FlowHar.render(trace, "1.0", true)).contains(token);
    }
}
