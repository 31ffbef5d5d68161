package dev.mcpworkbench.oauth.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.oauth.check.Verdict;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each rule of the draft: a document that keeps it raises nothing for it, one that breaks it raises exactly its finding. */
class CimdValidatorTest {

    private static final String URL = "https://client.example.com/mcp/client.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode good() {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("client_id", URL);
        doc.put("client_name", "Example");
        doc.putArray("redirect_uris").add("http://127.0.0.1:8765/callback");
        doc.put("token_endpoint_auth_method", "none");
        return doc;
    }

    private static List<CimdRule> rules(String url, String json) {
        return CimdValidator.document(url, json).stream().map(CimdFinding::rule).toList();
    }

    @Test
    void aGoodDocumentRaisesNothing() {
        assertThat(CimdValidator.document(URL, good().toString())).isEmpty();
        ObjectNode withKeys = good().put("token_endpoint_auth_method", "private_key_jwt").put("jwks_uri", "https://client.example.com/jwks");
        assertThat(CimdValidator.document(URL, withKeys.toString())).isEmpty();
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource({
            "http://client.example.com/c.json, URL_HTTPS",
            "ftp://client.example.com/c.json, URL_HTTPS",
            "http://127.0.0.1:9000/c.json, URL_LOOPBACK_HTTP",
            "https://client.example.com, URL_PATH",
            "https://client.example.com/, URL_PATH",
            "https://client.example.com/c.json#frag, URL_NO_FRAGMENT",
            "https://user:pw@client.example.com/c.json, URL_NO_USERINFO",
            "https://client.example.com/a/../c.json, URL_NO_DOT_SEGMENTS",
            "https://client.example.com/./c.json, URL_NO_DOT_SEGMENTS",
            "https://client.example.com/c.json?v=1, URL_NO_QUERY",
            "'https://client example.com/c.json', URL_SYNTAX",
            "https:/c.json, URL_HOST",
    })
    void eachUrlRule(String url, CimdRule broken) {
        assertThat(CimdValidator.url(url)).extracting(CimdFinding::rule).containsExactly(broken);
        // the same document at a good URL keeps the rule
        assertThat(CimdValidator.url(URL)).isEmpty();
    }

    @Test
    void clientIdMustEqualTheUrlExactly() {
        assertThat(rules(URL, good().put("client_id", URL + "/").toString())).containsExactly(CimdRule.CLIENT_ID_EQUALS_URL);
        assertThat(rules(URL, good().put("client_id", "HTTPS://client.example.com/mcp/client.json").toString()))
                .containsExactly(CimdRule.CLIENT_ID_EQUALS_URL);
        ObjectNode missing = good();
        missing.remove("client_id");
        assertThat(rules(URL, missing.toString())).containsExactly(CimdRule.CLIENT_ID_EQUALS_URL);
    }

    @Test
    void clientNameIsRequired() {
        ObjectNode doc = good();
        doc.remove("client_name");
        assertThat(rules(URL, doc.toString())).containsExactly(CimdRule.CLIENT_NAME);
        assertThat(rules(URL, good().put("client_name", " ").toString())).containsExactly(CimdRule.CLIENT_NAME);
    }

    @Test
    void redirectUrisAreRequiredAndAbsolute() {
        ObjectNode doc = good();
        doc.remove("redirect_uris");
        assertThat(rules(URL, doc.toString())).containsExactly(CimdRule.REDIRECT_URIS);
        ObjectNode empty = good();
        empty.putArray("redirect_uris");
        assertThat(rules(URL, empty.toString())).containsExactly(CimdRule.REDIRECT_URIS);
        ObjectNode relative = good();
        relative.putArray("redirect_uris").add("/callback");
        assertThat(rules(URL, relative.toString())).containsExactly(CimdRule.REDIRECT_URIS);
    }

    @ParameterizedTest
    @CsvSource({"client_secret_basic", "client_secret_post", "client_secret_jwt"})
    void sharedSecretMethodsAreRefused(String method) {
        assertThat(rules(URL, good().put("token_endpoint_auth_method", method).toString())).containsExactly(CimdRule.NO_SHARED_SECRET);
    }

    @Test
    void aSecretInTheDocumentIsRefused() {
        assertThat(rules(URL, good().put("client_secret", "s").toString())).containsExactly(CimdRule.NO_CLIENT_SECRET);
    }

    @Test
    void privateKeyJwtNeedsKeys() {
        assertThat(rules(URL, good().put("token_endpoint_auth_method", "private_key_jwt").toString()))
                .containsExactly(CimdRule.PRIVATE_KEY_JWT_KEYS);
    }

    @Test
    void theDocumentIsAtMostFiveKilobytes() {
        String padding = "x".repeat(CimdValidator.MAX_DOCUMENT_BYTES);
        assertThat(rules(URL, good().put("client_uri", "https://client.example.com/" + padding).toString()))
                .containsExactly(CimdRule.DOCUMENT_SIZE);
        // multi-byte characters count as bytes, not characters
        String justUnder = good().toString();
        assertThat(rules(URL, good().put("client_name", "é".repeat((CimdValidator.MAX_DOCUMENT_BYTES - justUnder.length()) / 2 + 10))
                .toString())).containsExactly(CimdRule.DOCUMENT_SIZE);
    }

    @Test
    void notJsonOrNotAnObject() {
        assertThat(rules(URL, "{nope")).containsExactly(CimdRule.DOCUMENT_JSON);
        assertThat(rules(URL, "[1]")).containsExactly(CimdRule.DOCUMENT_JSON);
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        ObjectNode doc = MAPPER.createObjectNode().put("client_id", "other").put("token_endpoint_auth_method", "client_secret_post");
        List<CimdFinding> findings = CimdValidator.document("http://client.example.com/c.json#x", doc.toString());
        assertThat(findings).extracting(CimdFinding::rule).containsExactly(CimdRule.URL_HTTPS, CimdRule.URL_NO_FRAGMENT,
                CimdRule.CLIENT_ID_EQUALS_URL, CimdRule.CLIENT_NAME, CimdRule.REDIRECT_URIS, CimdRule.NO_SHARED_SECRET);
        assertThat(findings).allMatch(f -> f.verdict() == Verdict.FAIL);
    }

    @Test
    void theAuthoringFormWritesADocumentThatPasses() {
        ClientMetadataForm form = new ClientMetadataForm(URL, "Example", List.of("http://127.0.0.1:8765/callback", " "),
                "https://client.example.com", null, "mcp:read", null, null, "native");
        assertThat(CimdValidator.document(URL, form.toJson())).isEmpty();
        assertThat(form.toJson()).contains("\"token_endpoint_auth_method\" : \"none\"").doesNotContain("logo_uri");
    }
}
