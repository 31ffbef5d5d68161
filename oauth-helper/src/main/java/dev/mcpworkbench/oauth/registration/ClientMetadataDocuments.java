package dev.mcpworkbench.oauth.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Client ID metadata documents (draft-ietf-oauth-client-id-metadata-document): the URL rules, a
 * validator that fetches a document and checks it, and the document this client would publish.
 */
public final class ClientMetadataDocuments {

    /** The size an authorization server should cap a document at. */
    public static final int MAX_DOCUMENT_BYTES = 5 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SHARED_SECRET_METHODS = Set.of("client_secret_basic", "client_secret_post", "client_secret_jwt");

    private ClientMetadataDocuments() {
    }

    /**
     * Why a URL cannot be a client_id: it must be https (http only for loopback, for local testing),
     * with a path, no fragment, no userinfo, no dot segments.
     */
    public static Optional<String> urlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = dev.mcpworkbench.oauth.metadata.UrlSafety.isLoopbackHost(uri.getHost());
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            return Optional.of("must use https");
        }
        if (uri.getHost() == null) {
            return Optional.of("has no host");
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return Optional.of("must have a path");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry user credentials");
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("must not contain dot segments");
            }
        }
        return Optional.empty();
    }

    /** Problems with a document served at {@code url} (empty list = valid). */
    public static List<String> documentProblems(String url, String json, int sizeBytes) {
        List<String> problems = new ArrayList<>();
        urlProblem(url).ifPresent(p -> problems.add("URL " + p));
        if (sizeBytes > MAX_DOCUMENT_BYTES) {
            problems.add("document is " + sizeBytes + " bytes, over the " + MAX_DOCUMENT_BYTES + " bytes an AS should accept");
        }
        JsonNode doc;
        try {
            doc = MAPPER.readTree(json);
        } catch (Exception e) {
            problems.add("not JSON");
            return problems;
        }
        if (doc == null || !doc.isObject()) {
            problems.add("not a JSON object");
            return problems;
        }
        if (!url.equals(doc.path("client_id").asText(null))) {
            problems.add("client_id does not equal the document URL exactly");
        }
        if (!doc.hasNonNull("client_name")) {
            problems.add("no client_name");
        }
        JsonNode redirects = doc.get("redirect_uris");
        if (redirects == null || !redirects.isArray() || redirects.isEmpty()) {
            problems.add("no redirect_uris");
        }
        String method = doc.path("token_endpoint_auth_method").asText("none");
        if (SHARED_SECRET_METHODS.contains(method)) {
            problems.add("uses a shared-secret auth method (" + method + ")");
        }
        if (method.equals("private_key_jwt") && !doc.hasNonNull("jwks") && !doc.hasNonNull("jwks_uri")) {
            problems.add("private_key_jwt without jwks or jwks_uri");
        }
        if (doc.hasNonNull("client_secret")) {
            problems.add("contains a client_secret");
        }
        return problems;
    }

    /** Fetches a document (redirects not followed) and validates it. */
    public static List<String> fetchAndValidate(RecordingHttpClient http, String url, Consumer<HttpExchange> sink) {
        Optional<String> bad = urlProblem(url);
        if (bad.isPresent()) {
            return List.of("URL " + bad.get());
        }
        HttpExchange exchange = http.get(URI.create(url), "application/json", sink);
        if (!exchange.answered()) {
            return List.of("not reachable: " + exchange.error());
        }
        if (exchange.status() / 100 == 3) {
            return List.of("answers with a redirect (" + exchange.status() + "); an AS must not follow it");
        }
        if (exchange.status() != 200) {
            return List.of("answers " + exchange.status());
        }
        int size = exchange.responseBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return documentProblems(url, exchange.responseBody(), size);
    }

    /** The document a native client publishes at {@code url}, for a loopback redirect. */
    public static String generate(String url, String clientName, List<String> redirectUris) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("client_id", url);
        doc.put("client_name", clientName);
        var redirects = doc.putArray("redirect_uris");
        redirectUris.forEach(redirects::add);
        doc.putArray("grant_types").add("authorization_code").add("refresh_token");
        doc.putArray("response_types").add("code");
        doc.put("token_endpoint_auth_method", "none");
        doc.put("application_type", "native");
        return doc.toPrettyString();
    }
}
