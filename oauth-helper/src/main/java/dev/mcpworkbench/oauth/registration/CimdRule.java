package dev.mcpworkbench.oauth.registration;

import dev.mcpworkbench.oauth.check.Verdict;

/**
 * The rules of draft-ietf-oauth-client-id-metadata-document that a client's own metadata document
 * and its URL must keep, one constant each, so that a validation names the rule it saw broken.
 * FAIL: an authorization server following the draft refuses the client. WARN: allowed, but a
 * strict server may refuse it or it is only meant for local testing.
 */
public enum CimdRule {
    URL_SYNTAX(Verdict.FAIL, "the client_id is a URL"),
    URL_HTTPS(Verdict.FAIL, "the client_id uses https"),
    URL_LOOPBACK_HTTP(Verdict.WARN, "http only for a loopback test server"),
    URL_HOST(Verdict.FAIL, "the client_id has a host"),
    URL_PATH(Verdict.FAIL, "the client_id has a path"),
    URL_NO_FRAGMENT(Verdict.FAIL, "no fragment in the client_id"),
    URL_NO_USERINFO(Verdict.FAIL, "no user credentials in the client_id"),
    URL_NO_DOT_SEGMENTS(Verdict.FAIL, "no . or .. path segments in the client_id"),
    URL_NO_QUERY(Verdict.WARN, "preferably no query in the client_id"),
    DOCUMENT_SIZE(Verdict.FAIL, "the document is at most 5 KB"),
    DOCUMENT_JSON(Verdict.FAIL, "the document is a JSON object"),
    CLIENT_ID_EQUALS_URL(Verdict.FAIL, "client_id equals the document URL exactly"),
    CLIENT_NAME(Verdict.FAIL, "client_name is present"),
    REDIRECT_URIS(Verdict.FAIL, "redirect_uris is a non-empty array of URLs"),
    NO_SHARED_SECRET(Verdict.FAIL, "no shared-secret token endpoint authentication method"),
    NO_CLIENT_SECRET(Verdict.FAIL, "no client_secret in the document"),
    PRIVATE_KEY_JWT_KEYS(Verdict.FAIL, "private_key_jwt comes with jwks or jwks_uri"),
    FETCH_REACHABLE(Verdict.FAIL, "the URL answers"),
    FETCH_NO_REDIRECT(Verdict.FAIL, "the URL answers without a redirect"),
    FETCH_STATUS(Verdict.FAIL, "the URL answers 200");

    private final Verdict verdict;
    private final String title;

    CimdRule(Verdict verdict, String title) {
        this.verdict = verdict;
        this.title = title;
    }

    public Verdict verdict() {
        return verdict;
    }

    public String title() {
        return title;
    }
}
