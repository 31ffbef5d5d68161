package dev.mcpworkbench.inspector.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a profile's secrets (every header value of an HTTP or SSE target, every environment value
 * of a stdio one) into a {@link SecretStore} and back. In the file a value stored elsewhere reads
 * {@code ${keychain:ACCOUNT}}, the account being {@code profile name/header/Name} or {@code
 * profile name/env/NAME}: one entry per value, so a rename or a deletion can remove the old ones.
 * An extension's secret member (the OAuth client secret saved with a client identity) is kept the
 * same way, under {@code profile name/EXTENSION/clientSecret}.
 */
public final class ProfileSecrets {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{keychain:(.+)}", Pattern.DOTALL);
    /**
     * Members of an extension object that hold a secret (the OAuth client secret a connection saves
     * with its client identity): kept in the store like header values, the file holding a reference.
     */
    private static final Set<String> EXTENSION_SECRETS = Set.of("clientSecret");

    private ProfileSecrets() {
    }

    /** The text that stands for the value under {@code account}. */
    public static String reference(String account) {
        return "${keychain:" + account + "}";
    }

    /** The account a value of the file refers to, or null when the value is the secret itself. */
    public static String account(String value) {
        Matcher m = REFERENCE.matcher(value);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * {@code profile} as the file keeps it: each non-empty value stored in {@code store} and
     * replaced by its reference, whose account is added to {@code accounts}.
     */
    public static ConnectionProfile stored(ConnectionProfile profile, SecretStore store, Set<String> accounts) throws IOException {
        String prefix = profile.name() + "/";
        ObjectNode extensions = profile.extensions();
        for (Map.Entry<String, JsonNode> ext : extensions.properties()) {
            if (!(ext.getValue() instanceof ObjectNode members)) continue;
            for (String field : EXTENSION_SECRETS) {
                String value = members.path(field).asText("");
                if (value.isEmpty() || account(value) != null) continue;
                String account = prefix + ext.getKey() + "/" + field;
                store.put(account, value);
                accounts.add(account);
                members.put(field, reference(account));
            }
        }
        return profile.withExtensions(extensions).withTarget(switch (profile.target()) {
            case ServerTarget.Stdio s -> new ServerTarget.Stdio(s.command(), s.args(),
                    stored(s.env(), prefix + "env/", store, accounts), s.workingDir());
            case ServerTarget.StreamableHttp h -> new ServerTarget.StreamableHttp(h.url(), stored(h.headers(), prefix + "header/", store, accounts));
            case ServerTarget.Sse h -> new ServerTarget.Sse(h.url(), stored(h.headers(), prefix + "header/", store, accounts));
        });
    }

    /**
     * {@code profile} with every reference replaced by the stored value; a value the store does
     * not have (deleted from the keychain, or no keychain on this machine) becomes empty and a
     * sentence naming it is added to {@code problems}, without the value.
     */
    public static ConnectionProfile resolved(ConnectionProfile profile, SecretStore store, List<String> problems) throws IOException {
        String of = " of the saved connection \u201c" + profile.name() + "\u201d";
        ObjectNode extensions = profile.extensions();
        for (Map.Entry<String, JsonNode> ext : extensions.properties()) {
            if (!(ext.getValue() instanceof ObjectNode members)) continue;
            for (String field : EXTENSION_SECRETS) {
                if (!members.has(field)) continue;
                Map<String, String> one = resolved(Map.of(field, members.path(field).asText("")), ext.getKey() + " setting ", of, store, problems);
                members.put(field, one.get(field));
            }
        }
        return profile.withExtensions(extensions).withTarget(switch (profile.target()) {
            case ServerTarget.Stdio s -> new ServerTarget.Stdio(s.command(), s.args(),
                    resolved(s.env(), "environment variable ", of, store, problems), s.workingDir());
            case ServerTarget.StreamableHttp h -> new ServerTarget.StreamableHttp(h.url(), resolved(h.headers(), "header ", of, store, problems));
            case ServerTarget.Sse h -> new ServerTarget.Sse(h.url(), resolved(h.headers(), "header ", of, store, problems));
        });
    }

    /** True when any value of {@code profile} is a reference. */
    public static boolean refersToStore(ConnectionProfile profile) {
        Map<String, String> values = switch (profile.target()) {
            case ServerTarget.Stdio s -> s.env();
            case ServerTarget.StreamableHttp h -> h.headers();
            case ServerTarget.Sse h -> h.headers();
        };
        if (values.values().stream().anyMatch(v -> account(v) != null)) return true;
        for (Map.Entry<String, JsonNode> ext : profile.extensions().properties()) {
            for (String field : EXTENSION_SECRETS) {
                if (account(ext.getValue().path(field).asText("")) != null) return true;
            }
        }
        return false;
    }

    /** Every account a profiles file (as read, {@link ProfileJson}'s form) refers to. */
    public static void accountsIn(JsonNode file, Set<String> into) {
        for (JsonNode profile : file.path("profiles")) {
            JsonNode target = profile.path("target");
            for (String field : new String[] {"env", "headers"}) {
                target.path(field).properties().forEach(e -> {
                    String account = account(e.getValue().asText(""));
                    if (account != null) into.add(account);
                });
            }
            profile.path("extensions").properties().forEach(ext -> {
                for (String field : EXTENSION_SECRETS) {
                    String account = account(ext.getValue().path(field).asText(""));
                    if (account != null) into.add(account);
                }
            });
        }
    }

    private static Map<String, String> stored(Map<String, String> values, String prefix, SecretStore store, Set<String> accounts)
            throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String value = e.getValue();
            if (value.isEmpty() || account(value) != null) {
                out.put(e.getKey(), value);
                continue;
            }
            String account = prefix + e.getKey();
            store.put(account, value);
            accounts.add(account);
            out.put(e.getKey(), reference(account));
        }
        return out;
    }

    private static Map<String, String> resolved(Map<String, String> values, String what, String of, SecretStore store,
                                                List<String> problems) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String account = account(e.getValue());
            if (account == null) {
                out.put(e.getKey(), e.getValue());
                continue;
            }
            Optional<String> value = store.get(account);
            if (value.isEmpty()) {
                // the name in quotes: a stderr masker hides a word that follows a name like X-Api-Key
                problems.add("The " + what + "\u201c" + e.getKey() + "\u201d" + of + " is not in " + (store.keepsValuesOutOfTheFile()
                        ? store.describe() : "a keychain (none is in use here)") + "; enter it again");
            }
            out.put(e.getKey(), value.orElse(""));
        }
        return out;
    }
}
