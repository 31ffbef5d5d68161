package dev.mcpworkbench.oauth.http;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a person changed in a request, kept as a difference so it can be applied again to the same
 * request of a later run: query and form parameters and headers by name (a replay has a fresh
 * state, PKCE challenge and code that must not be overwritten by the old ones), a non-form body
 * whole. A value of null means "removed".
 */
public record RequestEdit(String method, Map<String, String> query, Map<String, List<String>> headers,
                          Map<String, String> form, String body) {

    private static final String FORM = "application/x-www-form-urlencoded";

    public RequestEdit {
        query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        form = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(form));
    }

    public static final RequestEdit NONE = new RequestEdit(null, Map.of(), Map.of(), Map.of(), null);

    /** The changes that turn {@code original} into {@code edited}. */
    public static RequestEdit between(RequestDraft original, RequestDraft edited) {
        String method = original.method().equals(edited.method()) ? null : edited.method();
        Map<String, String> query = diff(params(original.uri().getRawQuery()), params(edited.uri().getRawQuery()));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, List<String>> before = lower(original.headers());
        Map<String, List<String>> after = lower(edited.headers());
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) headers.put(k, v);
        });
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> headers.put(k, null));
        Map<String, String> form = Map.of();
        String body = null;
        if (!original.body().equals(edited.body())) {
            if (isForm(original) && isForm(edited)) form = diff(params(original.body()), params(edited.body()));
            else body = edited.body();
        }
        return new RequestEdit(method, query, headers, form, body);
    }

    public boolean isEmpty() {
        return method == null && query.isEmpty() && headers.isEmpty() && form.isEmpty() && body == null;
    }

    /** {@code draft} with these changes made; unchanged parts keep their exact encoding. */
    public RequestDraft applyTo(RequestDraft draft) {
        URI uri = draft.uri();
        if (!query.isEmpty()) {
            String raw = apply(uri.getRawQuery(), query);
            String base = uri.toString();
            int cut = base.indexOf('?');
            int hash = base.indexOf('#');
            String fragment = hash < 0 ? "" : base.substring(hash);
            String head = cut >= 0 ? base.substring(0, cut) : hash >= 0 ? base.substring(0, hash) : base;
            uri = URI.create(head + (raw.isEmpty() ? "" : "?" + raw) + fragment);
        }
        Map<String, List<String>> merged = new LinkedHashMap<>();
        draft.headers().forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            if (!headers.containsKey(key)) merged.put(k, v);
            else if (headers.get(key) != null) merged.put(k, headers.get(key));
        });
        headers.forEach((k, v) -> {
            boolean present = merged.keySet().stream().anyMatch(n -> n.equalsIgnoreCase(k));
            if (v != null && !present) merged.put(k, v);
        });
        String newBody = body != null ? body : form.isEmpty() ? draft.body() : apply(draft.body(), form);
        return new RequestDraft(method == null ? draft.method() : method, uri, merged, newBody);
    }

    private static boolean isForm(RequestDraft draft) {
        return draft.header("Content-Type").toLowerCase(Locale.ROOT).startsWith(FORM);
    }

    private static Map<String, List<String>> lower(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return out;
    }

    private static Map<String, String> diff(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changes = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            if (!Objects.equals(v, before.get(k)) || !before.containsKey(k)) changes.put(k, v);
        });
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> changes.put(k, null));
        return changes;
    }

    /** Decoded parameters of a query or form body, first value of each name. */
    public static Map<String, String> params(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String apply(String raw, Map<String, String> changes) {
        List<String> pairs = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                seen.add(name);
                if (!changes.containsKey(name)) pairs.add(pair);
                else if (changes.get(name) != null) pairs.add(encode(name) + "=" + encode(changes.get(name)));
            }
        }
        changes.forEach((k, v) -> {
            if (v != null && !seen.contains(k)) pairs.add(encode(k) + "=" + encode(v));
        });
        return String.join("&", pairs);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
