package dev.mcpworkbench.oauth.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.oauth.check.OAuthFinding;
import dev.mcpworkbench.oauth.flow.ProbeStep;
import dev.mcpworkbench.oauth.flow.StepKind;
import dev.mcpworkbench.oauth.metadata.UrlSafety;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * OAUTH-022: does the authorization server check client ID metadata documents as the draft asks?
 * The documents are served on 127.0.0.1, so this probe runs only against an authorization server on
 * this machine that accepts a well-formed loopback document; for the same reason it cannot test
 * whether the server refuses to fetch private or loopback client_id URLs.
 */
final class CimdHandlingProbe implements ActiveProbe {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String name() {
        return "cimd";
    }

    @Override
    public String ruleId() {
        return "OAUTH-022";
    }

    @Override
    public String title() {
        return "Client metadata documents checked";
    }

    @Override
    public String sideEffect() {
        return "the authorization server fetches its documents and may remember those clients";
    }

    @Override
    public String description() {
        return "Serves client metadata documents on 127.0.0.1 and sends one authorization request per document, using its URL "
                + "as client_id (the server fetches them and may remember the clients): a well-formed one (the control), one "
                + "whose client_id differs from its URL, one asking for client_secret_basic, one over 5 KB, one reached through a "
                + "redirect, and the well-formed one with a redirect_uri it does not list. Codes are never redeemed. Only for an "
                + "authorization server on this machine; whether it refuses private or loopback document URLs is not tested.";
    }

    @Override
    public void run(ProbeContext context, ProbeStep step) {
        if (!context.as().supportsClientIdMetadataDocuments()) {
            step.skip("The authorization server does not advertise client_id_metadata_document_supported");
            return;
        }
        String issuerHost = URI.create(context.as().issuer()).getHost();
        if (!UrlSafety.isLoopbackHost(issuerHost)) {
            step.skip("The authorization server is not on this machine: it cannot fetch documents served on 127.0.0.1");
            return;
        }
        URI redirect = context.client().redirectUri();
        try (ProbeDocumentHost host = new ProbeDocumentHost()) {
            String good = host.url("/good.json");
            host.document("/good.json", document(good, redirect, "none", 0));
            ProbeContext.Attempt control = attempt(context, step, good, redirect.toString());
            step.note("Well-formed document: " + control.describe());
            if (control.code().isEmpty()) {
                step.skip("The authorization server did not accept even a well-formed document served on loopback ("
                        + control.describe() + "): nothing to compare with");
                return;
            }
            host.document("/mismatch.json", document(host.url("/someone-else.json"), redirect, "none", 0));
            check(context, step, host.url("/mismatch.json"), redirect.toString(), "a document whose client_id differs from its URL");
            host.document("/secret.json", document(host.url("/secret.json"), redirect, "client_secret_basic", 0));
            check(context, step, host.url("/secret.json"), redirect.toString(), "a document asking for client_secret_basic");
            host.document("/big.json", document(host.url("/big.json"), redirect, "none", 6 * 1024));
            check(context, step, host.url("/big.json"), redirect.toString(), "a document over 5 KB");
            host.redirect("/moved.json", "/moved-target.json");
            host.document("/moved-target.json", document(host.url("/moved.json"), redirect, "none", 0));
            check(context, step, host.url("/moved.json"), redirect.toString(), "a document reached by following a redirect");
            String other = host.url("/other-redirect.json");
            host.document("/other-redirect.json", document(other, redirect, "none", 0));
            String unlisted = redirect.getScheme() + "://" + redirect.getAuthority() + "/not-in-the-document";
            check(context, step, other, unlisted, "a redirect_uri the document does not list");
        } catch (IOException e) {
            step.skip("Cannot serve documents on 127.0.0.1: " + e.getMessage());
        }
    }

    private void check(ProbeContext context, ProbeStep step, String clientId, String redirectUri, String what) {
        ProbeContext.Attempt attempt = attempt(context, step, clientId, redirectUri);
        step.note(what + ": " + attempt.describe());
        if (attempt.code().isPresent()) {
            step.raise(OAuthFinding.fail(ruleId(), StepKind.ACTIVE_PROBE,
                    "The authorization server accepted " + what,
                    "client_id " + clientId + ", redirect_uri " + redirectUri + " -> a code was issued"));
        }
    }

    private static ProbeContext.Attempt attempt(ProbeContext context, ProbeStep step, String clientId, String redirectUri) {
        Map<String, String> params = context.authorizationParameters(ProbeContext.Pkce.s256());
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        return context.authorize(step, params);
    }

    /** A client metadata document; {@code padding} adds that many characters to grow it. */
    private static String document(String clientId, URI redirect, String authMethod, int padding) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("client_id", clientId);
        doc.put("client_name", "MCP Workbench CIMD probe");
        doc.putArray("redirect_uris").add(redirect.toString());
        doc.putArray("grant_types").add("authorization_code");
        doc.putArray("response_types").add("code");
        doc.put("token_endpoint_auth_method", authMethod);
        if (padding > 0) doc.put("client_uri_note", "x".repeat(padding));
        return doc.toString();
    }
}
