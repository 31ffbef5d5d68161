package dev.mcpworkbench.oauth.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.oauth.check.Verdict;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import java.util.List;
import java.util.Optional;

import java.util.function.Consumer;

/**
 * Client ID metadata documents (draft-ietf-oauth-client-id-metadata-document): the URL rules, a
 * validator that fetches a document and checks it, and the document this client would publish.
 */
public final class ClientMetadataDocuments {

    /** The size an authorization server should cap a document at. */
    public static final int MAX_DOCUMENT_BYTES = CimdValidator.MAX_DOCUMENT_BYTES;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ClientMetadataDocuments() {
    }

    /**
     * Why a URL cannot be a client_id: it must be https (http only for loopback, for local testing),
     * with a path, no fragment, no userinfo, no dot segments ({@link CimdValidator#url}'s failures).
     */
    public static Optional<String> urlProblem(String url) {
        return CimdValidator.url(url).stream().filter(f -> f.verdict() == Verdict.FAIL).map(CimdFinding::message).findFirst();
    }

    /** Problems with a document served at {@code url} (empty list = valid): {@link CimdValidator#document}'s failures. */
    public static List<String> documentProblems(String url, String json) {
        return CimdValidator.document(url, json).stream().filter(f -> f.verdict() == Verdict.FAIL)
                .map(f -> f.rule().name().startsWith("URL_") ? "URL " + f.message() : f.message()).toList();
    }

    /** Fetches a document (redirects not followed) and validates it: the failures of {@link CimdValidator#fetch}. */
    public static List<String> fetchAndValidate(RecordingHttpClient http, String url, Consumer<HttpExchange> sink) {
        return CimdValidator.fetch(http, url, sink).findings().stream().filter(f -> f.verdict() == Verdict.FAIL)
                .map(f -> f.rule().name().startsWith("URL_") ? "URL " + f.message() : f.message()).toList();
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
