package dev.mcpworkbench.oauth.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpworkbench.oauth.http.SelfSignedCertificate;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The authored document served over https on loopback: the JDK's HttpClient, trusting the made
 * certificate (read back from its exported PEM) and verifying the host name, fetches it; a client
 * that does not trust it is refused; the fetched document passes the validator.
 */
class HttpsDocumentHostTest {

    @Test
    void aClientTrustingTheExportedPemFetchesTheDocument() throws Exception {
        try (HttpsDocumentHost host = HttpsDocumentHost.start("/mcp/client.json", 0)) {
            String url = host.url();
            host.serve(new ClientMetadataForm(url, "Workshop client", List.of("http://127.0.0.1:8765/callback"), null, null, null,
                    null, null, "native").toJson());

            X509Certificate fromPem = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(host.certificate().pem().getBytes(StandardCharsets.US_ASCII)));
            assertThat(fromPem).isEqualTo(host.certificate().certificate());
            assertThat(fromPem.getSubjectAlternativeNames().stream().map(l -> (Object) l.get(1)).toList()).contains("127.0.0.1", "localhost");

            HttpClient trusting = HttpClient.newBuilder().sslContext(host.certificate().trustingContext())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = trusting.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(CimdValidator.document(url, response.body())).isEmpty();
            assertThat(host.fetchCount()).isEqualTo(1);

            HttpResponse<String> elsewhere = trusting.send(HttpRequest.newBuilder(URI.create(url + "x")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(elsewhere.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aClientThatDoesNotTrustItIsRefused() {
        try (HttpsDocumentHost host = HttpsDocumentHost.start("/client.json", 0)) {
            host.serve("{}");
            HttpClient other = HttpClient.newBuilder()
                    .sslContext(SelfSignedCertificate.create("someone else", Duration.ofDays(1)).trustingContext()).build();
            assertThatThrownBy(() -> other.send(HttpRequest.newBuilder(URI.create(host.url())).GET().build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void theCertificateIsSelfSignedAndNamesLoopback() throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.create("test", Duration.ofDays(2));
        made.certificate().checkValidity();
        made.certificate().verify(made.certificate().getPublicKey());
        assertThat(made.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=test");
        assertThat(made.sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(made.pem()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
    }
}
