package dev.mcpworkbench.oauth.registration;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.mcpworkbench.oauth.http.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a client ID metadata document the user authored over https on 127.0.0.1, with a
 * self-signed certificate made for the purpose, so that a local authorization server that insists
 * on https client ids can be tested. The URL is {@code https://127.0.0.1:<port><path>}; the document
 * can be replaced while serving. A client must be told to trust {@link #certificate()} (its PEM);
 * nothing is trusted system-wide by the workbench.
 */
public final class HttpsDocumentHost implements AutoCloseable {

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cimd-https-host");
        t.setDaemon(true);
        return t;
    });
    private final SelfSignedCertificate certificate;
    private final String path;
    private final JsonDocumentHandler document;

    private HttpsDocumentHost(String path, int port) {
        if (!path.startsWith("/") || path.contains("..") || path.contains("#") || path.contains("?")) {
            throw new IllegalArgumentException("the path must be a plain absolute path such as /client.json, not " + path);
        }
        this.path = path;
        this.document = new JsonDocumentHandler(path, "no-store");
        this.certificate = SelfSignedCertificate.create("MCP Workbench loopback CIMD host", Duration.ofDays(30));
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve https on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server.createContext("/", document);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts serving at {@code path} on a loopback {@code port} (0: any free one), with a new certificate. */
    public static HttpsDocumentHost start(String path, int port) {
        return new HttpsDocumentHost(path, port);
    }

    /** The document's URL, which its client_id must equal. */
    public String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Serves {@code json} from now on. */
    public void serve(String json) {
        document.serve(json);
    }

    public SelfSignedCertificate certificate() {
        return certificate;
    }

    /** How many times the document was fetched (an authorization server reading it shows up here). */
    public int fetchCount() {
        return document.fetchCount();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
