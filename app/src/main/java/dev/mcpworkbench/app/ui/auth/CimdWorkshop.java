package dev.mcpworkbench.app.ui.auth;

import dev.mcpworkbench.inspector.io.AtomicFiles;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.registration.CimdFinding;
import dev.mcpworkbench.oauth.registration.CimdValidator;
import dev.mcpworkbench.oauth.registration.ClientMetadataForm;
import dev.mcpworkbench.oauth.registration.HttpsDocumentHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The CIMD workshop's state and actions: a form that writes a client ID metadata document, the
 * document text, the findings of the draft's rules on it (typed, or fetched from the user's URL),
 * and a loopback https host that serves it with a certificate the workbench makes. Validation is
 * the oauth-helper's ({@link CimdValidator}); fetching, serving and writing files run on {@code io},
 * results come back through {@code fx}.
 */
public final class CimdWorkshop implements AutoCloseable {

    /** Where the workshop serves a document on loopback. */
    public static final String SERVED_PATH = "/mcp-workbench/cimd/client.json";

    private final StringProperty url = new SimpleStringProperty("https://client.example.com/mcp/client.json");
    private final StringProperty clientName = new SimpleStringProperty("MCP Workbench");
    private final StringProperty redirectUris = new SimpleStringProperty("http://127.0.0.1:8765/callback");
    private final StringProperty clientUri = new SimpleStringProperty("");
    private final StringProperty logoUri = new SimpleStringProperty("");
    private final StringProperty scope = new SimpleStringProperty("");
    private final StringProperty tokenAuthMethod = new SimpleStringProperty("none");
    private final StringProperty jwksUri = new SimpleStringProperty("");
    private final StringProperty applicationType = new SimpleStringProperty("native");
    private final StringProperty document = new SimpleStringProperty("");
    private final ObservableList<CimdFinding> findings = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<HttpsDocumentHost> host = new SimpleObjectProperty<>();
    private final Executor io;
    private final Executor fx;

    public CimdWorkshop(Executor io, Executor fx) {
        this.io = io;
        this.fx = fx;
        generate();
    }

    /** Writes the document from the form (FX thread). */
    public void generate() {
        document.set(form().toJson());
        validate();
    }

    private ClientMetadataForm form() {
        List<String> redirects = Arrays.stream(redirectUris.get().split("\\R")).toList();
        return new ClientMetadataForm(url.get().trim(), clientName.get(), redirects, clientUri.get(), logoUri.get(), scope.get(),
                tokenAuthMethod.get(), jwksUri.get(), applicationType.get());
    }

    /** Checks the document as typed, as published at the URL field (FX thread; no I/O). */
    public void validate() {
        List<CimdFinding> found = CimdValidator.document(url.get().trim(), document.get());
        findings.setAll(found);
        status.set(found.isEmpty() ? "The document keeps every rule of the draft." : found.size() + " rule(s) broken.");
    }

    /** Fetches the document at the URL field (redirects not followed, as an AS must) and checks it. */
    public void fetchAndValidate() {
        String target = url.get().trim();
        status.set("Fetching " + target + "…");
        HttpsDocumentHost served = host.get();
        // the workshop's own host is trusted by its certificate alone; any other URL by the JDK's trust store
        javax.net.ssl.SSLContext tls = served != null && target.equals(served.url()) ? served.certificate().trustingContext() : null;
        io.execute(() -> {
            CimdValidator.Fetched fetched = CimdValidator.fetch(new RecordingHttpClient(Duration.ofSeconds(10), 64 * 1024, tls), target,
                    x -> { });
            fx.execute(() -> {
                if (fetched.exchange() != null && fetched.exchange().answered()) document.set(fetched.exchange().responseBody());
                findings.setAll(fetched.findings());
                status.set((fetched.findings().isEmpty() ? "Fetched: the document keeps every rule of the draft."
                        : "Fetched: " + fetched.findings().size() + " rule(s) broken.")
                        + (fetched.exchange() == null ? "" : " " + fetched.exchange().method() + " " + target + " \u2192 "
                        + (fetched.exchange().answered() ? fetched.exchange().status() : fetched.exchange().error())));
            });
        });
    }

    /**
     * Serves the document over https on 127.0.0.1 with a new self-signed certificate; the URL field
     * becomes the served URL, so the document's client_id is regenerated to equal it.
     */
    public void serve() {
        if (host.get() != null) {
            reserve();
            return;
        }
        status.set("Making a certificate and starting the https host…");
        io.execute(() -> {
            try {
                HttpsDocumentHost started = HttpsDocumentHost.start(SERVED_PATH, 0);
                fx.execute(() -> {
                    host.set(started);
                    url.set(started.url());
                    generate();
                    started.serve(document.get());
                    status.set("Serving at " + started.url() + " · certificate SHA-256 " + started.certificate().sha256Fingerprint());
                });
            } catch (RuntimeException e) {
                fx.execute(() -> status.set("Cannot serve: " + e.getMessage()));
            }
        });
    }

    /** Serves the document as it is now (after an edit). */
    private void reserve() {
        host.get().serve(document.get());
        validate();
        status.set("Serving the edited document at " + host.get().url());
    }

    /** Stops serving. */
    public void stop() {
        HttpsDocumentHost h = host.get();
        host.set(null);
        if (h != null) io.execute(h::close);
        status.set("Stopped serving.");
    }

    /** Writes the served certificate as PEM to {@code file} (for the authorization server to trust). */
    public void exportCertificate(Path file) {
        HttpsDocumentHost h = host.get();
        if (h == null) return;
        String pem = h.certificate().pem();
        io.execute(() -> {
            try {
                AtomicFiles.write(file, pem);
                fx.execute(() -> status.set("Certificate written to " + file));
            } catch (java.io.IOException | RuntimeException e) {
                fx.execute(() -> status.set("Cannot write " + file + ": " + e.getMessage()));
            }
        });
    }

    @Override
    public void close() {
        HttpsDocumentHost h = host.get();
        if (h != null) h.close();
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty clientNameProperty() {
        return clientName;
    }

    public StringProperty redirectUrisProperty() {
        return redirectUris;
    }

    public StringProperty clientUriProperty() {
        return clientUri;
    }

    public StringProperty logoUriProperty() {
        return logoUri;
    }

    public StringProperty scopeProperty() {
        return scope;
    }

    public StringProperty tokenAuthMethodProperty() {
        return tokenAuthMethod;
    }

    public StringProperty jwksUriProperty() {
        return jwksUri;
    }

    public StringProperty applicationTypeProperty() {
        return applicationType;
    }

    public StringProperty documentProperty() {
        return document;
    }

    public ObservableList<CimdFinding> findings() {
        return findings;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<HttpsDocumentHost> hostProperty() {
        return host;
    }
}
