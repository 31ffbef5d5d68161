package dev.mcpworkbench.oauth.registration;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * This client's own metadata document, served on 127.0.0.1 so that an authorization server on the
 * same machine (a local or lab AS that allows loopback clients) can be tested with CIMD without
 * publishing anything. The document's client_id is its own URL; the redirect URIs are the loopback
 * callbacks of the flows run so far (a random port changes per flow, so each is added, and the
 * document asks not to be cached).
 *
 * <p>The draft wants an https client_id on a domain the client controls: a remote AS cannot fetch
 * this document, and one that follows the draft strictly refuses http. That is the point of it:
 * only for local testing.
 */
public final class LoopbackClientMetadata implements AutoCloseable {

    public static final String PATH = "/mcp-workbench/client-metadata.json";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "client-metadata-server");
        t.setDaemon(true);
        return t;
    });
    private final String url;
    private final String clientName;
    private final Set<String> redirectUris = new LinkedHashSet<>();
    private final JsonDocumentHandler document = new JsonDocumentHandler(PATH, "no-cache");

    private LoopbackClientMetadata(String clientName) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the client metadata document on 127.0.0.1: " + e.getMessage(), e);
        }
        this.clientName = clientName;
        this.url = "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
        document.serve(ClientMetadataDocuments.generate(url, clientName, List.of()));
        server.createContext(PATH, document);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts serving on a free loopback port. */
    public static LoopbackClientMetadata start(String clientName) {
        return new LoopbackClientMetadata(clientName);
    }

    /** The document's URL, which is also the client_id. */
    public String url() {
        return url;
    }

    /** Adds a redirect URI to the document (the callback of the flow about to run). */
    public synchronized void allowRedirect(String redirectUri) {
        redirectUris.add(redirectUri);
        document.serve(ClientMetadataDocuments.generate(url, clientName, List.copyOf(redirectUris)));
    }

    /** The document as served now. */
    public String document() {
        return document.document();
    }

    /** How many times the document was fetched: proof the authorization server read it. */
    public int fetchCount() {
        return document.fetchCount();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
