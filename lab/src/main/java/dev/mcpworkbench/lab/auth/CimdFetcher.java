package dev.mcpworkbench.lab.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.lab.server.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fetches and checks client ID metadata documents: the client_id must be an http(s) URL with a
 * path (https, or loopback in the lab), the document at most 5 KB, no redirects followed, its
 * client_id equal to the URL, redirect_uris present, and no shared-secret authentication.
 * With {@link Misbehaviour#CIMD_UNCHECKED} all of these checks are skipped.
 */
final class CimdFetcher {

    static final int MAX_DOCUMENT_BYTES = 5 * 1024;
    private static final Set<String> SECRET_METHODS = Set.of("client_secret_basic", "client_secret_post", "client_secret_jwt");

    private final boolean checked;
    private final Set<String> deniedHosts;
    private final HttpClient http;

    CimdFetcher(boolean checked, Set<String> deniedHosts) {
        this.checked = checked;
        this.deniedHosts = deniedHosts;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .followRedirects(checked ? HttpClient.Redirect.NEVER : HttpClient.Redirect.NORMAL).build();
    }

    static boolean looksLikeUrl(String clientId) {
        return clientId != null && (clientId.startsWith("https://") || clientId.startsWith("http://"));
    }

    RegisteredClient fetch(String clientId) throws CimdException {
        URI url = validateUrl(clientId);
        byte[] body = download(url);
        JsonNode doc;
        try {
            doc = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new CimdException("client metadata document is not JSON");
        }
        if (doc == null || !doc.isObject()) {
            throw new CimdException("client metadata document is not a JSON object");
        }
        String docClientId = doc.path("client_id").asText(null);
        String authMethod = doc.path("token_endpoint_auth_method").asText("none");
        List<String> redirects = new ArrayList<>();
        doc.path("redirect_uris").forEach(n -> redirects.add(n.asText()));
        if (checked) {
            if (!clientId.equals(docClientId)) {
                throw new CimdException("document client_id " + docClientId + " does not equal its URL");
            }
            if (redirects.isEmpty()) {
                throw new CimdException("document has no redirect_uris");
            }
            if (SECRET_METHODS.contains(authMethod)) {
                throw new CimdException("document asks for shared-secret authentication (" + authMethod + ")");
            }
        }
        return new RegisteredClient(clientId, null, List.copyOf(redirects), "none",
                doc.path("application_type").asText("native"), doc.path("client_name").asText(clientId), !checked);
    }

    private URI validateUrl(String clientId) throws CimdException {
        URI url;
        try {
            url = URI.create(clientId);
        } catch (IllegalArgumentException e) {
            throw new CimdException("client_id is not a URL");
        }
        String host = url.getHost();
        if (host == null || deniedHosts.contains(host)) {
            throw new CimdException("clients from " + host + " are not allowed on this authorization server");
        }
        if (checked) {
            boolean secureOrLoopback = "https".equals(url.getScheme()) || RedirectMatcher.isLoopback(host);
            if (!secureOrLoopback || url.getRawFragment() != null || url.getRawUserInfo() != null
                    || url.getRawPath() == null || url.getRawPath().length() <= 1 || url.getRawPath().contains("/.")) {
                throw new CimdException("client_id must be an https URL with a path, no fragment, userinfo or dot segments");
            }
        }
        return url;
    }

    private byte[] download(URI url) throws CimdException {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() / 100 == 3) {
                    throw new CimdException("client metadata document URL redirects; redirects are not followed");
                }
                if (response.statusCode() != 200) {
                    throw new CimdException("client metadata document answered HTTP " + response.statusCode());
                }
                byte[] body = in.readNBytes(checked ? MAX_DOCUMENT_BYTES + 1 : 1024 * 1024);
                if (checked && body.length > MAX_DOCUMENT_BYTES) {
                    throw new CimdException("client metadata document is larger than 5 KB");
                }
                return body;
            }
        } catch (IOException e) {
            throw new CimdException("cannot fetch client metadata document: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CimdException("interrupted while fetching client metadata document");
        }
    }

    /** The document could not be used; the message is shown to the user as error_description. */
    static final class CimdException extends Exception {
        CimdException(String message) {
            super(message);
        }
    }
}
