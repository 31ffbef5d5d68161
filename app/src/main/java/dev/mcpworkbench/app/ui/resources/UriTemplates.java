package dev.mcpworkbench.app.ui.resources;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The RFC 6570 subset MCP servers use: {var}, {+var} (reserved), {/var}, {?a,b}. */
public final class UriTemplates {

    private static final Pattern EXPR = Pattern.compile("\\{([+#/?&.;]?)([^}]*)}");

    private UriTemplates() {
    }

    public static List<String> variables(String template) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        Matcher m = EXPR.matcher(template);
        while (m.find()) {
            for (String v : m.group(2).split(",")) {
                String name = v.replaceAll("[*]|:\\d+$", "").strip();
                if (!name.isEmpty()) names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    public static String expand(String template, Map<String, String> values) {
        Matcher m = EXPR.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String op = m.group(1);
            List<String> parts = new ArrayList<>();
            for (String v : m.group(2).split(",")) {
                String name = v.replaceAll("[*]|:\\d+$", "").strip();
                String value = values.getOrDefault(name, "");
                if (value.isEmpty() && (op.equals("?") || op.equals("&"))) continue;
                String enc = op.equals("+") || op.equals("#") ? value : encode(value);
                parts.add(op.equals("?") || op.equals("&") ? name + "=" + enc : enc);
            }
            String joined = switch (op) {
                case "/" -> parts.isEmpty() ? "" : "/" + String.join("/", parts);
                case "?" -> parts.isEmpty() ? "" : "?" + String.join("&", parts);
                case "&" -> parts.isEmpty() ? "" : "&" + String.join("&", parts);
                case "#" -> parts.isEmpty() ? "" : "#" + String.join(",", parts);
                case "." -> parts.isEmpty() ? "" : "." + String.join(".", parts);
                default -> String.join(",", parts);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(joined));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
