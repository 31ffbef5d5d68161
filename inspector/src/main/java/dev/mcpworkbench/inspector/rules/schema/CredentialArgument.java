package dev.mcpworkbench.inspector.rules.schema;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.text.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** SCHEMA-008: a secret the model is asked to pass as an argument, i.e. to keep in its context. */
public final class CredentialArgument implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("SCHEMA-008", "Credential as a tool argument", Category.SCHEMA,
            Severity.HIGH, List.of("MCP01"),
            "A credential passed as a tool argument lives in the conversation: it is logged, echoed, and available to any injected instruction.");

    private static final Set<String> ALWAYS = Set.of("password", "passwd", "secret", "apikey", "credential", "credentials",
            "bearer", "authorization", "pat", "clientsecret", "privatekey", "secretkey", "accesskey", "passphrase");
    private static final Set<String> TOKEN_PREFIXES = Set.of("access", "auth", "api", "bearer", "refresh", "session",
            "github", "gh", "slack", "oauth", "personal", "id", "jwt", "bot", "user", "service");

    /**
     * secret_name, token_id, password_policy, CredentialListSid (Twilio's ids), passwordSelector (the
     * CSS selector of a login form's field): about a credential, not the credential itself.
     */
    private static final Set<String> REFERENCE_SUFFIXES = Set.of("name", "names", "id", "ids", "sid", "sids", "ref", "arn", "path",
            "version", "type", "count", "limit", "policy", "length", "expiry", "expires", "url", "uri", "file",
            "selector", "field");

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public boolean judgesItemsAlone() {
        return true;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        List<Finding> out = new ArrayList<>();
        for (ToolView tool : s.tools()) {
            for (SchemaNode p : tool.namedProperties()) {
                if (p.role() != SchemaNode.Role.PROPERTY || p.hasAllowlist() || p.hasType("boolean") || isContainer(p)
                        || !isCredential(p.propertyName())) continue;
                out.add(RuleSupport.finding(META, Severity.HIGH,
                        "'" + tool.name() + "' asks the model for a credential in '" + p.propertyName() + "'",
                        tool.location(p.pointer()), p.propertyName(),
                        "Take credentials from the server's configuration or the MCP authorization flow (OAuth), never from tool arguments."));
            }
        }
        return out;
    }

    /**
     * An object with declared members ({@code credentials: {username, password}},
     * {@code passwordManager: {seats}}) holds no secret itself: its members are judged one by one,
     * so a secret inside is found where it is. A map of free values ({@code credentials:
     * {"<key>": "<value>"}}) is the secret itself and stays a finding.
     */
    private static boolean isContainer(SchemaNode p) {
        // auth0's refresh_token settings are {"type": ["object", "null"]}: nullable, still a container
        if (!p.hasType("object") || p.types().stream().anyMatch(t -> !t.equals("object") && !t.equals("null"))) return false;
        com.fasterxml.jackson.databind.JsonNode schema = p.schema();
        return schema.path("properties").isObject() && !schema.path("properties").isEmpty() && !schema.path("additionalProperties").isObject();
    }

    static boolean isCredential(String name) {
        List<String> words = Identifiers.words(name);
        String squashed = String.join("", words);
        if (words.size() > 1 && REFERENCE_SUFFIXES.contains(words.get(words.size() - 1))) return false;
        if (ALWAYS.contains(squashed)) return true;
        for (String w : words) {
            if (w.equals("password") || w.equals("passwd") || w.equals("secret") || w.equals("credential")
                    || w.equals("credentials") || w.equals("apikey") || w.equals("passphrase")) return true;
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("api") && words.get(i + 1).equals("key")) return true;
            if (words.get(i).equals("private") && words.get(i + 1).equals("key")) return true;
        }
        if (squashed.equals("token")) return true;
        int t = words.lastIndexOf("token");
        return t > 0 && TOKEN_PREFIXES.contains(words.get(t - 1));
    }
}
