package dev.mcpworkbench.oauth.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.check.Verdict;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The flow against a real loopback resource + authorization server, well-behaved and misbehaving. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FlowAgainstLoopbackServerTest {

    private LoopbackOAuthServer as;
    private final FlowTrace trace = new FlowTrace();
    private final List<StepKind> finished = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        as = new LoopbackOAuthServer();
        trace.addListener(new FlowListener() {
            @Override
            public void stepFinished(FlowStep step) {
                finished.add(step.kind());
            }
        });
    }

    @AfterEach
    void stop() {
        as.close();
    }

    private OAuthSession session(URI server, Duration timeout) {
        FlowOptions options = new FlowOptions(null, null, null, null, 0, Duration.ofSeconds(10), new HeadlessAgent(), null, 2);
        return new OAuthSession(server, options, new RecordingHttpClient(timeout, 1 << 20), trace, new RegistrationStore());
    }

    private OAuthSession session() {
        return session(as.mcpUrl(), Duration.ofSeconds(5));
    }

    private List<String> failures() {
        return trace.findings().stream().filter(f -> f.verdict() == Verdict.FAIL).map(OAuthFinding::ruleId).toList();
    }

    @Test
    void wellBehavedServerAuthorizesWithPkceS256AndResourceOnBothRequests() throws Exception {
        OAuthSession session = session();
        assertThat(session.probeAndAuthorize()).isTrue();
        assertThat(session.accessToken()).isPresent();
        assertThat(as.validTokens).contains(session.accessToken().get());
        assertThat(failures()).isEmpty();
        assertThat(finished).containsSubsequence(StepKind.PROBE, StepKind.PROTECTED_RESOURCE_METADATA,
                StepKind.AUTHORIZATION_SERVER_METADATA, StepKind.CLIENT_REGISTRATION, StepKind.AUTHORIZATION_REQUEST,
                StepKind.CALLBACK, StepKind.TOKEN_REQUEST, StepKind.AUTHENTICATED_REQUEST);
        assertThat(as.lastForm.get("authorize")).containsEntry("code_challenge_method", "S256")
                .containsEntry("resource", as.base + "/mcp").containsEntry("scope", "mcp:read").containsKey("state");
        assertThat(as.lastForm.get("token")).containsEntry("resource", as.base + "/mcp").containsKey("code_verifier");
        FlowStep last = trace.steps().get(trace.steps().size() - 1);
        assertThat(last.kind()).isEqualTo(StepKind.AUTHENTICATED_REQUEST);
        assertThat(last.outputs()).containsEntry("status", "200");
    }

    /**
     * The authorization server compares {@code resource} as a string: it must arrive exactly as the
     * metadata publishes it, whether pathless, with a path, a trailing slash or an explicit port.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"BASE", "BASE/", "BASE/mcp", "BASE/mcp/", "BASE:PORT/mcp"})
    void sendsTheResourceExactlyAsTheMetadataPublishesIt(String form) throws Exception {
        java.net.URI base = java.net.URI.create(as.base);
        String published = form.replace("BASE:PORT", "http://localhost:" + base.getPort())
                .replace("BASE", as.base);
        as.publishedResource = published;
        OAuthSession session = published.contains("localhost")
                ? session(java.net.URI.create("http://localhost:" + base.getPort() + "/mcp"), Duration.ofSeconds(5))
                : session();
        assertThat(session.probeAndAuthorize()).isTrue();
        assertThat(as.lastForm.get("authorize")).containsEntry("resource", published);
        assertThat(as.lastForm.get("token")).containsEntry("resource", published);
    }

    @Test
    void aServerOfThe20250326RevisionIsAuthorizedThroughItsOriginsMetadata() throws Exception {
        as.publishesResourceMetadata = false;
        OAuthSession session = session();
        assertThat(session.probeAndAuthorize()).isTrue();
        assertThat(as.validTokens).contains(session.accessToken().orElseThrow());
        assertThat(as.requests).contains("GET /.well-known/oauth-authorization-server");
        assertThat(trace.findings()).anyMatch(f -> f.ruleId().equals("OAUTH-003") && f.verdict() == Verdict.FAIL);
        assertThat(trace.steps()).anyMatch(s -> "2025-03-26 fallback".equals(s.outputs().get("discovery")));
        assertThat(as.lastForm.get("token")).containsEntry("resource", as.base + "/mcp");
    }

    @Test
    void withoutAnyMetadataThe20250326DefaultEndpointsAreUsedAndSaidSo() throws Exception {
        as.publishesResourceMetadata = false;
        as.publishesServerMetadata = false;
        OAuthSession session = session();
        assertThat(session.probeAndAuthorize()).isTrue();
        assertThat(as.validTokens).contains(session.accessToken().orElseThrow());
        assertThat(as.requests).contains("POST /register", "POST /token");
        assertThat(trace.findings()).anyMatch(f -> f.ruleId().equals("OAUTH-012") && f.verdict() == Verdict.WARN
                && f.message().contains("default endpoints"));
    }

    @Test
    void aChallengeNamingMissingMetadataStopsInsteadOfGuessing() {
        as.publishesResourceMetadata = false;
        as.resourceMetadataUrl = as.base + "/.well-known/oauth-protected-resource/elsewhere";
        assertThatThrownBy(() -> session().probeAndAuthorize()).isInstanceOf(FlowException.class)
                .hasMessageContaining("no protected resource metadata");
    }

    @Test
    void headlessReportsAnAuthorizationServersJsonErrorAsSuchNotAsNeedingAPerson() {
        as.authorizeAnswer = new Object[] {400, "application/json",
                "{\"error\":\"invalid_request\",\"error_description\":\"redirect_uri is not registered\"}"};
        assertThatThrownBy(() -> session().probeAndAuthorize()).isInstanceOf(FlowException.class)
                .hasMessageContaining("invalid_request: redirect_uri is not registered")
                .hasMessageNotContaining("needs a person");
    }

    @Test
    void headlessSaysALoginPageNeedsAPerson() {
        as.authorizeAnswer = new Object[] {200, "text/html; charset=utf-8", "<html><form>Log in</form></html>"};
        assertThatThrownBy(() -> session().probeAndAuthorize()).isInstanceOf(FlowException.class)
                .hasMessageContaining("needs a person");
    }

    @Test
    void aTokenTheServerKeepsRefusingIsReportedWithTheServersOwnReason() throws Exception {
        OAuthSession session = session();
        assertThat(session.probeAndAuthorize()).isTrue();
        as.refuseWith = "Bearer error=\"invalid_token\", error_description=\"audience does not match\"";
        List<String> challenge = List.of(as.refuseWith);
        for (int i = 0; i < 5 && session.onAuthorizationError(401, challenge); i++) {
            // each new authorization yields a token the server refuses again
        }
        assertThat(session.lastFailure()).contains("invalid_token: audience does not match");
    }

    @Test
    void aHugeChallengeIsShownAsItsStartAndSizeNotWhole() {
        String shown = Discovery.excerpt("Bearer realm=\"" + "x".repeat(70_000) + "\"");
        assertThat(shown).hasSizeLessThan(2_200).endsWith("(70015 characters in all)");
    }

    @Test
    void refusesAnAuthorizationServerWithoutS256() {
        as.advertiseS256 = false;
        assertThatThrownBy(() -> session().probeAndAuthorize()).isInstanceOf(FlowException.class).hasMessageContaining("S256");
        assertThat(failures()).contains("OAUTH-015");
        assertThat(as.requests).noneMatch(r -> r.contains("/authorize"));
    }

    @Test
    void warnsWhenPlainPkceIsAllowed() throws Exception {
        as.advertisePlain = true;
        session().probeAndAuthorize();
        assertThat(trace.findings()).anyMatch(f -> f.ruleId().equals("OAUTH-015") && f.verdict() == Verdict.WARN);
    }

    @Test
    void ignoresMetadataWhoseIssuerDiffersEvenByATrailingSlash() {
        as.metadataIssuer = as.base + "/";
        assertThatThrownBy(() -> session().probeAndAuthorize()).isInstanceOf(FlowException.class);
        assertThat(failures()).contains("OAUTH-013");
        assertThat(as.requests).noneMatch(r -> r.contains("/authorize") || r.contains("/register"));
    }

    @Test
    void rejectsACallbackWithTheWrongState() {
        as.tamperState = true;
        assertThatThrownBy(() -> session().probeAndAuthorize()).hasMessageContaining("state mismatch");
        assertThat(failures()).contains("OAUTH-026");
        assertThat(as.requests).noneMatch(r -> r.contains("/token"));
    }

    @Test
    void rejectsACallbackWhoseIssIsNotTheIssuer() {
        as.issInCallback = "https://evil.example";
        assertThatThrownBy(() -> session().probeAndAuthorize()).hasMessageContaining("iss mismatch");
        assertThat(failures()).contains("OAUTH-018");
        assertThat(as.requests).noneMatch(r -> r.contains("/token"));
    }

    @Test
    void rejectsAMissingIssWhenAdvertisedAndWarnsWhenNeitherAdvertisedNorSent() throws Exception {
        as.issInCallback = "";
        assertThatThrownBy(() -> session().probeAndAuthorize()).hasMessageContaining("iss missing");
        as.advertiseIss = false;
        session().probeAndAuthorize();
        assertThat(trace.findings()).anyMatch(f -> f.ruleId().equals("OAUTH-018") && f.verdict() == Verdict.WARN);
    }

    @Test
    void flagsATokenResponseWithoutNoStoreButStillConnects() throws Exception {
        as.tokenNoStore = false;
        OAuthSession session = session();
        session.probeAndAuthorize();
        assertThat(session.accessToken()).isPresent();
        assertThat(failures()).containsExactly("OAUTH-025");
    }

    @Test
    void flagsAnUnsignedLongLivedJwtAccessToken() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://other.example").audience("https://elsewhere.example")
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 3 * 3600_000L)).build();
        as.accessTokenOverride = new PlainJWT(new PlainHeader.Builder().type(JOSEObjectType.JWT).build(), claims).serialize();
        session().probeAndAuthorize();
        List<OAuthFinding> jwt = trace.findings().stream().filter(f -> f.ruleId().equals("OAUTH-027")).toList();
        assertThat(jwt).extracting(OAuthFinding::message)
                .anyMatch(m -> m.contains("alg none")).anyMatch(m -> m.contains("aud")).anyMatch(m -> m.contains("iss"))
                .anyMatch(m -> m.contains("longer than 1 hour"));
    }

    @Test
    void anAuthorizationServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception e) {
                    held.forEach(s -> {
                        try {
                            s.close();
                        } catch (Exception ignored) {
                            // closing a socket the test no longer needs
                        }
                    });
                }
            });
            URI server = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/mcp");
            long start = System.nanoTime();
            assertThatThrownBy(() -> session(server, Duration.ofSeconds(1)).probeAndAuthorize())
                    .isInstanceOf(FlowException.class).hasMessageContaining("did not answer");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            acceptor.interrupt();
        }
    }

    @Test
    void refusesHugeMetadata() {
        as.hugeMetadataBytes = 2 << 20;
        assertThatThrownBy(() -> session().probeAndAuthorize()).isInstanceOf(FlowException.class)
                .hasMessageContaining("authorization server metadata");
        FlowStep step = trace.steps().stream().filter(s -> s.kind() == StepKind.AUTHORIZATION_SERVER_METADATA).findFirst().orElseThrow();
        assertThat(step.exchanges()).anyMatch(e -> !e.answered() && e.error().contains("larger than"));
    }

    @Test
    void doesNotFollowAMetadataRedirectToAnotherSite() {
        as.prmRedirectsElsewhere = true;
        assertThatThrownBy(() -> session().probeAndAuthorize()).isInstanceOf(FlowException.class)
                .hasMessageContaining("no protected resource metadata");
        assertThat(failures()).contains("OAUTH-003");
        FlowStep step = trace.steps().stream().filter(s -> s.kind() == StepKind.PROTECTED_RESOURCE_METADATA).findFirst().orElseThrow();
        assertThat(step.exchanges()).noneMatch(e -> e.uri().getHost().contains("attacker"));
    }

    @Test
    void refusesResourceMetadataOnAPrivateAddress() {
        as.resourceMetadataUrl = "https://10.1.2.3/.well-known/oauth-protected-resource";
        assertThatThrownBy(() -> session().probeAndAuthorize()).isInstanceOf(FlowException.class);
        assertThat(failures()).contains("OAUTH-011");
        assertThat(trace.steps()).flatExtracting(FlowStep::exchanges).noneMatch(e -> e.uri().getHost().equals("10.1.2.3"));
    }

    @Test
    void aServerUrlWithAFragmentIsAClearError() {
        assertThatThrownBy(() -> session(URI.create(as.base + "/mcp#frag"), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fragment");
    }

    @Test
    void noTokenOrCodeAppearsInMaskedExportsOrFindings() throws Exception {
        OAuthSession session = session();
        session.probeAndAuthorize();
        String token = session.accessToken().orElseThrow();
        String exported = String.join("\n", trace.steps().stream().flatMap(s -> s.exchanges().stream())
                .map(e -> e.render(false)).toList());
        assertThat(exported).doesNotContain(token).doesNotContain("code-0").contains("****");
        assertThat(trace.findings().toString()).doesNotContain(token);
        assertThat(trace.steps().toString()).doesNotContain(token);
        assertThat(trace.steps().stream().flatMap(s -> s.outputs().values().stream())).noneMatch(v -> v.contains(token));
    }

    @Test
    void stepUpAsksForTheUnionOfScopesAndStopsAtTheLimit() throws Exception {
        OAuthSession session = session();
        session.probeAndAuthorize();
        String challenge = "Bearer error=\"insufficient_scope\", scope=\"mcp:write\", resource_metadata=\""
                + as.base + "/.well-known/oauth-protected-resource/mcp\"";
        assertThat(session.onAuthorizationError(403, List.of(challenge))).isTrue();
        assertThat(as.lastForm.get("authorize").get("scope").split(" ")).contains("mcp:read", "mcp:write");
        assertThat(session.onAuthorizationError(403, List.of(challenge))).isTrue();
        assertThat(session.onAuthorizationError(403, List.of(challenge))).isFalse();
        assertThat(session.lastFailure()).contains("insufficient_scope");
    }

    @Test
    void a401WithATokenRefreshesAndKeepsTheRotatedRefreshToken() throws Exception {
        as.issueRefreshTokens = true;
        OAuthSession session = session();
        session.probeAndAuthorize();
        String first = session.accessToken().orElseThrow();
        String firstRefresh = session.current().orElseThrow().tokens().refreshToken();
        assertThat(session.onAuthorizationError(401, List.of("Bearer error=\"invalid_token\""))).isTrue();
        assertThat(as.lastForm.get("token")).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", firstRefresh)
                .containsEntry("resource", as.base + "/mcp");
        assertThat(session.accessToken().orElseThrow()).isNotEqualTo(first);
        assertThat(session.current().orElseThrow().tokens().refreshToken()).isNotEqualTo(firstRefresh);
        assertThat(trace.steps()).extracting(FlowStep::kind).contains(StepKind.REFRESH);
    }

    @Test
    void listenersSeeEveryExchange() throws Exception {
        List<HttpExchange> seen = new ArrayList<>();
        trace.addListener(new FlowListener() {
            @Override
            public void exchangeRecorded(FlowStep step, HttpExchange exchange) {
                seen.add(exchange);
            }
        });
        session().probeAndAuthorize();
        assertThat(seen).hasSize(trace.steps().stream().mapToInt(s -> s.exchanges().size()).sum()).hasSizeGreaterThan(6);
    }
}
