package dev.mcpworkbench.oauth.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpworkbench.lab.Lab;
import dev.mcpworkbench.lab.LabSpec;
import dev.mcpworkbench.lab.RunningLab;
import dev.mcpworkbench.oauth.check.Verdict;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.ClientMetadataDocuments;
import dev.mcpworkbench.oauth.registration.LoopbackClientMetadata;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client metadata document served on loopback, used as client_id with an authorization server on this machine. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServedClientMetadataTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @Test
    void theServedDocumentPassesTheDraftsChecksAndCountsItsFetches() throws Exception {
        try (LoopbackClientMetadata served = LoopbackClientMetadata.start("MCP Workbench")) {
            served.allowRedirect("http://127.0.0.1:40001/callback");
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(served.url())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(ClientMetadataDocuments.documentProblems(served.url(), response.body())).isEmpty();
            assertThat(response.body()).contains("\"client_id\" : \"" + served.url() + "\"", "http://127.0.0.1:40001/callback");
            assertThat(served.fetchCount()).isEqualTo(1);
            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(served.url()))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void aLocalAuthorizationServerAcceptsTheServedDocumentAsClientId() throws Exception {
        FlowTrace trace = new FlowTrace();
        String clientId;
        try (RunningLab lab = Lab.start(LabSpec.secure().withAuth().withAutoApprove())) {
            FlowOptions options = FlowOptions.headless().withServedClientMetadata(true);
            try (OAuthSession session = new OAuthSession(lab.mcpUrl(), options,
                    new RecordingHttpClient(Duration.ofSeconds(5), 1 << 20), trace, new RegistrationStore())) {
                assertThat(session.probeAndAuthorize()).isTrue();
                assertThat(session.accessToken()).isPresent();
                FlowStep registration = trace.steps().stream().filter(s -> s.kind() == StepKind.CLIENT_REGISTRATION)
                        .findFirst().orElseThrow();
                clientId = registration.outputs().get("client_id");
                assertThat(clientId).startsWith("http://127.0.0.1:").endsWith(LoopbackClientMetadata.PATH);
                assertThat(registration.outputs().get("kind")).containsIgnoringCase("metadata document");
            }
        }
        assertThat(trace.steps()).allMatch(s -> s.status() == FlowStep.Status.PASSED, "every step passed");
        assertThat(trace.findings()).filteredOn(f -> f.verdict() == Verdict.FAIL).isEmpty();
        // closing the session stops serving the document
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () ->
                HTTP.send(HttpRequest.newBuilder(URI.create(clientId)).GET().build(), HttpResponse.BodyHandlers.ofString())))
                .isNotNull();
    }
}
