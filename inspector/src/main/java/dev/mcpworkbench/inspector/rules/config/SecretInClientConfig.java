package dev.mcpworkbench.inspector.rules.config;

import dev.mcpworkbench.inspector.rules.*;
import dev.mcpworkbench.inspector.rules.SchemaWalk;
import dev.mcpworkbench.inspector.payload.scan.SecretKind;
import dev.mcpworkbench.inspector.payload.scan.SecretMatch;
import dev.mcpworkbench.inspector.payload.scan.SecretRedactor;
import dev.mcpworkbench.inspector.payload.scan.SecretScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** CONFIG-001: credentials written literally into an MCP client configuration file. */
public final class SecretInClientConfig implements StaticRule {

    public static final RuleMetadata META = RuleSupport.meta("CONFIG-001", "Secret literal in a client config", Category.CONFIG,
            Severity.HIGH, List.of("MCP01"),
            "Client config files are synced, shared in screenshots, committed to dotfile repos and read by other tools (and by poisoned servers asking for mcp.json); a literal token there leaks.");

    /** The same recognizer as OUTPUT-004 on tool outputs: one list of credential formats. */
    private static final SecretScanner SECRETS = SecretScanner.defaults();

    @Override
    public RuleMetadata metadata() {
        return META;
    }

    @Override
    public List<Finding> check(ScanSubject s) {
        ConnectionTarget target = s.context().target();
        if (target == null || target.configFile() == null) return List.of();
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, String> e : target.env().entrySet()) {
            secrets(out, target, "/env/" + SchemaWalk.escape(e.getKey()), e.getKey(), e.getValue(), "environment variable");
        }
        for (Map.Entry<String, String> e : target.headers().entrySet()) {
            secrets(out, target, "/headers/" + SchemaWalk.escape(e.getKey()), e.getKey(), e.getValue(), "header");
        }
        for (int i = 0; i < target.args().size(); i++) {
            for (SecretMatch m : SECRETS.scan(target.args().get(i))) {
                out.add(finding(target, "/args/" + i, m, "argument " + i));
            }
            urlPasswords(out, target, "/args/" + i, target.args().get(i), "argument " + i);
        }
        if (target.url() != null) {
            for (SecretMatch m : SECRETS.scan(target.url())) out.add(finding(target, "/url", m, "URL"));
            urlPasswords(out, target, "/url", target.url(), "URL");
        }
        return out;
    }

    /**
     * A named value (an environment variable, a header): a known credential format anywhere in it,
     * or, when the name sounds secret, a random-looking value (after an auth scheme such as
     * "Bearer "). References such as {@code ${input:token}} or {@code $TOKEN} are what to write instead.
     */
    private static void secrets(List<Finding> out, ConnectionTarget target, String pointer, String name, String value, String what) {
        if (value == null) return;
        List<SecretMatch> found = SECRETS.scan(value);
        if (found.isEmpty() && !isReference(value)) {
            SecretMatch generic = SECRETS.scanMember(name, withoutScheme(value));
            if (generic != null) found = List.of(generic);
        }
        for (SecretMatch m : found) out.add(finding(target, pointer, m, what + " " + name));
        if (found.isEmpty() && isCredentialHeader(what, name) && hasLiteralCredential(value)) {
            // whatever follows the scheme of an Authorization header is a credential, random-looking or not
            out.add(finding(target, pointer, "credential", SecretRedactor.MASK, what + " " + name));
        }
        urlPasswords(out, target, pointer, value, what + " " + name);
    }

    /** {@code postgresql://app:s3cret@db/x} in an environment variable, an argument or a URL. */
    private static void urlPasswords(List<Finding> out, ConnectionTarget target, String pointer, String value, String where) {
        for (String password : SecretRedactor.urlPasswords(value)) {
            if (isReference(password) || password.startsWith("%24")) continue;
            out.add(finding(target, pointer, "password in a URL", SecretRedactor.MASK, where));
        }
    }

    private static boolean isCredentialHeader(String what, String name) {
        if (!what.equals("header")) return false;
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("authorization") || n.equals("proxy-authorization") || n.equals("cookie");
    }

    /** "Bearer abc", "Basic dXNlcjpwdw==", "abc": a value after the scheme that is not a reference. */
    private static boolean hasLiteralCredential(String value) {
        String credential = withoutScheme(value);
        return !credential.isEmpty() && !isReference(credential);
    }

    /** ${VAR}, ${input:x}, $VAR, {{x}}, <placeholder>: references, not literals. */
    static boolean isReference(String value) {
        String v = value.trim();
        return v.startsWith("$") || v.startsWith("{{") || v.startsWith("<") || v.contains("${");
    }

    private static String withoutScheme(String value) {
        String v = value.trim();
        String lower = v.toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"bearer ", "basic ", "token "}) {
            if (lower.startsWith(scheme)) return v.substring(scheme.length()).trim();
        }
        return v;
    }

    private static Finding finding(ConnectionTarget target, String pointer, SecretMatch m, String where) {
        return finding(target, pointer, m.kind() == SecretKind.GENERIC_SECRET ? "secret" : m.kind().label(), m.masked(), where);
    }

    private static Finding finding(ConnectionTarget target, String pointer, String kind, String masked, String where) {
        return RuleSupport.finding(META, Severity.HIGH,
                ("AEIOU".indexOf(Character.toUpperCase(kind.charAt(0))) >= 0 ? "An " : "A ") + kind + " is written literally in the " + where + " of '" + target.name() + "' in " + target.configFile(),
                new Location(Location.Kind.CONFIG, target.name(), pointer), masked,
                "Rotate the secret, then reference it instead of writing it: VS Code inputs (${input:token}), an environment variable set outside the file, or the OS keychain; prefer OAuth for remote servers.");
    }
}
