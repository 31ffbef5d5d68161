package dev.mcpworkbench.oauth.http;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in headers, URLs and bodies before anything is displayed, logged or exported.
 * Masking keeps the shape (the parameter name and the value's length) so a transcript stays readable.
 */
public final class SecretMasker {

    /** Names whose values are secrets wherever they appear (JSON field, form or query parameter). */
    static final Set<String> SECRET_NAMES = Set.of(
            "access_token", "refresh_token", "id_token", "client_secret", "code", "code_verifier",
            "registration_access_token", "assertion", "client_assertion", "password", "subject_token", "actor_token");

    private static final Pattern JSON_FIELD = Pattern.compile(
            "\"(" + String.join("|", SECRET_NAMES) + ")\"(\\s*:\\s*)\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern FORM_FIELD = Pattern.compile(
            "(?<=^|[?&])(" + String.join("|", SECRET_NAMES) + ")=([^&#\\s]*)");

    private SecretMasker() {
    }

    /** A placeholder that says a value was hidden and how long it was. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        return "****(" + secret.length() + " chars)";
    }

    public static String maskHeader(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
            int space = value.indexOf(' ');
            return space > 0 ? value.substring(0, space) + " " + mask(value.substring(space + 1)) : mask(value);
        }
        if (lower.equals("location") || lower.equals("content-location")) {
            return maskUrl(value);
        }
        if (lower.equals("cookie") || lower.equals("set-cookie") || lower.equals("dpop")) {
            return mask(value);
        }
        return value;
    }

    public static String maskUrl(String url) {
        return maskForm(url);
    }

    /** Masks secrets in a JSON or form-encoded body (both forms may appear in one transcript). */
    public static String maskBody(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        return maskForm(maskJson(body));
    }

    private static String maskJson(String body) {
        Matcher m = JSON_FIELD.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    "\"" + m.group(1) + "\"" + m.group(2) + "\"" + mask(m.group(3)) + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String maskForm(String text) {
        Matcher m = FORM_FIELD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "=" + mask(m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
