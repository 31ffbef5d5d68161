package dev.mcpworkbench.oauth.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpworkbench.oauth.http.HttpExchange;
import dev.mcpworkbench.oauth.http.RecordingHttpClient;
import dev.mcpworkbench.oauth.metadata.UrlSafety;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks a client ID metadata document, and the URL it is published at, against the draft's rules
 * ({@link CimdRule}): one finding per broken rule, so an author sees everything to fix at once.
 * A document can be checked as typed ({@link #document}) or fetched from its URL ({@link #fetch}),
 * redirects not followed, as an authorization server would.
 */
public final class CimdValidator {

    /** The size an authorization server should cap a document at. */
    public static final int MAX_DOCUMENT_BYTES = 5 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SHARED_SECRET_METHODS = Set.of("client_secret_basic", "client_secret_post", "client_secret_jwt");

    /** What a fetch brought: the exchange (null when the URL was not fetched) and the findings. */
    public record Fetched(HttpExchange exchange, List<CimdFinding> findings) {
    }

    private CimdValidator() {
    }

    /** The rules the URL breaks; http on a loopback host is only a warning (local testing). */
    public static List<CimdFinding> url(String url) {
        List<CimdFinding> findings = new ArrayList<>();
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            findings.add(new CimdFinding(CimdRule.URL_SYNTAX, "not a URL: " + url));
            return findings;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = UrlSafety.isLoopbackHost(uri.getHost());
        if (scheme.equals("http") && loopback) {
            findings.add(new CimdFinding(CimdRule.URL_LOOPBACK_HTTP, "http on a loopback host: only a local test server accepts it"));
        } else if (!scheme.equals("https")) {
            findings.add(new CimdFinding(CimdRule.URL_HTTPS, "must use https, not " + (scheme.isEmpty() ? "no scheme" : scheme)));
        }
        if (uri.getHost() == null) findings.add(new CimdFinding(CimdRule.URL_HOST, "has no host"));
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) findings.add(new CimdFinding(CimdRule.URL_PATH, "must have a path"));
        if (uri.getRawFragment() != null) findings.add(new CimdFinding(CimdRule.URL_NO_FRAGMENT, "must not have a fragment"));
        if (uri.getRawUserInfo() != null) findings.add(new CimdFinding(CimdRule.URL_NO_USERINFO, "must not carry user credentials"));
        if (path != null) {
            for (String segment : path.split("/")) {
                if (segment.equals(".") || segment.equals("..")) {
                    findings.add(new CimdFinding(CimdRule.URL_NO_DOT_SEGMENTS, "must not contain dot segments"));
                    break;
                }
            }
        }
        if (uri.getRawQuery() != null) findings.add(new CimdFinding(CimdRule.URL_NO_QUERY, "has a query (" + uri.getRawQuery() + ")"));
        return findings;
    }

    /** The rules the document (as published at {@code url}) and the URL break. */
    public static List<CimdFinding> document(String url, String json) {
        List<CimdFinding> findings = new ArrayList<>(url(url));
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_DOCUMENT_BYTES) {
            findings.add(new CimdFinding(CimdRule.DOCUMENT_SIZE, "document is " + size + " bytes, over the " + MAX_DOCUMENT_BYTES
                    + " bytes an AS should accept"));
        }
        JsonNode doc;
        try {
            doc = MAPPER.readTree(json);
        } catch (Exception e) {
            findings.add(new CimdFinding(CimdRule.DOCUMENT_JSON, "not JSON"));
            return findings;
        }
        if (doc == null || !doc.isObject()) {
            findings.add(new CimdFinding(CimdRule.DOCUMENT_JSON, "not a JSON object"));
            return findings;
        }
        JsonNode clientId = doc.get("client_id");
        if (clientId == null || !clientId.isTextual() || !clientId.asText().equals(url)) {
            findings.add(new CimdFinding(CimdRule.CLIENT_ID_EQUALS_URL, "client_id does not equal the document URL exactly ("
                    + (clientId == null ? "missing" : clientId.toString()) + " vs \"" + url + "\")"));
        }
        JsonNode name = doc.get("client_name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            findings.add(new CimdFinding(CimdRule.CLIENT_NAME, "no client_name"));
        }
        redirectUris(doc.get("redirect_uris")).ifPresent(findings::add);
        String method = doc.path("token_endpoint_auth_method").asText("none");
        if (SHARED_SECRET_METHODS.contains(method)) {
            findings.add(new CimdFinding(CimdRule.NO_SHARED_SECRET, "uses a shared-secret auth method (" + method + ")"));
        }
        if (method.equals("private_key_jwt") && !doc.hasNonNull("jwks") && !doc.hasNonNull("jwks_uri")) {
            findings.add(new CimdFinding(CimdRule.PRIVATE_KEY_JWT_KEYS, "private_key_jwt without jwks or jwks_uri"));
        }
        if (doc.hasNonNull("client_secret")) {
            findings.add(new CimdFinding(CimdRule.NO_CLIENT_SECRET, "contains a client_secret"));
        }
        return findings;
    }

    private static java.util.Optional<CimdFinding> redirectUris(JsonNode redirects) {
        if (redirects == null || !redirects.isArray() || redirects.isEmpty()) {
            return java.util.Optional.of(new CimdFinding(CimdRule.REDIRECT_URIS, "no redirect_uris"));
        }
        for (JsonNode r : redirects) {
            URI uri = r.isTextual() ? parse(r.asText()) : null;
            if (uri == null || !uri.isAbsolute() || uri.getRawFragment() != null) {
                return java.util.Optional.of(new CimdFinding(CimdRule.REDIRECT_URIS, "not an absolute URL without a fragment: " + r));
            }
        }
        return java.util.Optional.empty();
    }

    private static URI parse(String s) {
        try {
            return new URI(s);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Fetches the document from {@code url} with {@code http} (redirects are not followed: an AS
     * must not follow them) and checks it; a URL that breaks a FAIL rule is not fetched.
     */
    public static Fetched fetch(RecordingHttpClient http, String url, Consumer<HttpExchange> sink) {
        List<CimdFinding> urlFindings = url(url);
        if (urlFindings.stream().anyMatch(f -> f.verdict() == dev.mcpworkbench.oauth.check.Verdict.FAIL)) {
            return new Fetched(null, urlFindings);
        }
        HttpExchange exchange = http.get(URI.create(url), "application/json", sink);
        if (!exchange.answered()) {
            return new Fetched(exchange, append(urlFindings, new CimdFinding(CimdRule.FETCH_REACHABLE, "not reachable: " + exchange.error())));
        }
        if (exchange.status() / 100 == 3) {
            return new Fetched(exchange, append(urlFindings, new CimdFinding(CimdRule.FETCH_NO_REDIRECT,
                    "answers with a redirect (" + exchange.status() + "); an AS must not follow it")));
        }
        if (exchange.status() != 200) {
            return new Fetched(exchange, append(urlFindings, new CimdFinding(CimdRule.FETCH_STATUS, "answers " + exchange.status())));
        }
        return new Fetched(exchange, document(url, exchange.responseBody()));
    }

    private static List<CimdFinding> append(List<CimdFinding> list, CimdFinding finding) {
        List<CimdFinding> out = new ArrayList<>(list);
        out.add(finding);
        return out;
    }
}
