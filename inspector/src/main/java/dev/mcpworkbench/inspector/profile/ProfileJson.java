package dev.mcpworkbench.inspector.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.connect.Root;
import dev.mcpworkbench.inspector.connect.ServerTarget;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of profiles: {@code {"version":1,"profiles":[{"name":..,"target":{"type":"stdio",
 * "command":..,"args":[..],"env":{..},"workingDir":..} | {"type":"http"|"sse","url":..,"headers":{..}},
 * "roots":[{"uri":..,"name":..}],"extensions":{..}}]}}.
 */
public final class ProfileJson {

    public static final int VERSION = 1;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ProfileJson() {
    }

    public static ObjectNode toJson(List<ConnectionProfile> profiles) {
        ObjectNode root = JSON.objectNode().put("version", VERSION);
        ArrayNode array = root.putArray("profiles");
        profiles.forEach(p -> array.add(toJson(p)));
        return root;
    }

    public static ObjectNode toJson(ConnectionProfile profile) {
        ObjectNode node = JSON.objectNode().put("name", profile.name());
        node.set("target", targetJson(profile.target()));
        ArrayNode roots = node.putArray("roots");
        profile.roots().forEach(r -> roots.addObject().put("uri", r.uri()).put("name", r.name()));
        node.set("extensions", profile.extensions());
        return node;
    }

    public static ObjectNode targetJson(ServerTarget target) {
        ObjectNode node = JSON.objectNode();
        switch (target) {
            case ServerTarget.Stdio s -> {
                node.put("type", "stdio").put("command", s.command());
                ArrayNode args = node.putArray("args");
                s.args().forEach(args::add);
                ObjectNode env = node.putObject("env");
                s.env().forEach(env::put);
                if (s.workingDir() != null) node.put("workingDir", s.workingDir().toString());
            }
            case ServerTarget.StreamableHttp h -> {
                node.put("type", "http").put("url", h.url().toString());
                ObjectNode headers = node.putObject("headers");
                h.headers().forEach(headers::put);
            }
            case ServerTarget.Sse h -> {
                node.put("type", "sse").put("url", h.url().toString());
                ObjectNode headers = node.putObject("headers");
                h.headers().forEach(headers::put);
            }
        }
        return node;
    }

    public static List<ConnectionProfile> fromJson(JsonNode root) throws IOException {
        if (root == null || !root.isObject() || !root.path("profiles").isArray()) {
            throw new IOException("not a profiles file (no \"profiles\" array)");
        }
        List<ConnectionProfile> profiles = new ArrayList<>();
        for (JsonNode node : root.get("profiles")) profiles.add(profile(node));
        return profiles;
    }

    public static ConnectionProfile profile(JsonNode node) throws IOException {
        try {
            List<Root> roots = new ArrayList<>();
            for (JsonNode r : node.path("roots")) roots.add(new Root(r.path("uri").asText(), r.path("name").asText("")));
            JsonNode ext = node.get("extensions");
            return new ConnectionProfile(node.path("name").asText(), target(node.path("target")), roots,
                    ext != null && ext.isObject() ? (ObjectNode) ext : null);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid profile " + node.path("name") + ": " + e.getMessage(), e);
        }
    }

    public static ServerTarget target(JsonNode node) throws IOException {
        String type = node.path("type").asText("");
        return switch (type) {
            case "stdio" -> {
                List<String> args = new ArrayList<>();
                node.path("args").forEach(a -> args.add(a.asText()));
                String dir = node.path("workingDir").asText("");
                yield new ServerTarget.Stdio(node.path("command").asText(), args, strings(node.path("env")),
                        dir.isEmpty() ? null : Path.of(dir));
            }
            case "http" -> new ServerTarget.StreamableHttp(URI.create(node.path("url").asText()), strings(node.path("headers")));
            case "sse" -> new ServerTarget.Sse(URI.create(node.path("url").asText()), strings(node.path("headers")));
            default -> throw new IOException("unknown target type \"" + type + "\"");
        };
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
