package dev.mcpworkbench.inspector.skills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.McpConnectionException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The skills extension over the one raw client. Listing reads only {@code skills/list}: no skill
 * file is fetched before the user loads that skill (the extension forbids prefetching, and a
 * listing is what a user chooses from). Loading reads the SKILL.md first and verifies its size,
 * digest and front matter against the listing before reading anything else, then each supporting
 * file in listing order; the first file that fails ends the load and no content is handed on.
 */
public final class SkillsClient {

    private final McpConnection connection;

    public SkillsClient(McpConnection connection) {
        this.connection = connection;
    }

    /** Whether the server declared the extension (only then is {@code skills/list} asked). */
    public boolean advertised() {
        return SkillsExtension.declaredIn(connection.serverCapabilities());
    }

    /** Every listed skill, all pages; empty when the server does not declare the extension. Reads no file. */
    public List<SkillEntry> list() throws McpConnectionException {
        if (!advertised()) return List.of();
        return connection.listAll(SkillsExtension.LIST_METHOD, SkillsExtension.LIST_FIELD).stream()
                .filter(JsonNode::isObject).map(SkillEntry::of).toList();
    }

    /** The listed skill with this name (front matter name, else the URI's folder) or this SKILL.md URI. */
    public static Optional<SkillEntry> find(List<SkillEntry> skills, String nameOrUri) {
        return skills.stream().filter(s -> s.name().equals(nameOrUri) || s.uri().equals(nameOrUri)).findFirst();
    }

    /** Reads and verifies the skill's files; see the class comment for the order and when it stops. */
    public SkillLoad load(SkillEntry skill) {
        List<String> order = new ArrayList<>();
        order.add(skill.uri());
        skill.supportingFiles().forEach(f -> order.add(f.uri()));
        List<VerifiedFile> verified = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            String uri = order.get(i);
            Optional<SkillFile> listed = skill.files().stream().filter(f -> f.uri().equals(uri)).findFirst();
            Read read = read(uri);
            List<SkillViolation> violations = read.failure != null
                    ? List.of(new SkillViolation(SkillViolation.Kind.UNREADABLE, uri, "", read.failure))
                    : SkillFileCheck.violations(skill, uri, listed, read.bytes);
            if (!violations.isEmpty()) return new SkillLoad(skill, verified, violations, order.subList(i + 1, order.size()));
            verified.add(new VerifiedFile(uri, read.mimeType, new String(read.bytes, StandardCharsets.UTF_8), read.bytes.length));
        }
        return new SkillLoad(skill, verified, List.of(), List.of());
    }

    private record Read(byte[] bytes, String mimeType, String failure) {
    }

    /** One resources/read: the content item for this URI (else the first), text as UTF-8 bytes, blob decoded. */
    private Read read(String uri) {
        JsonNode result;
        try {
            result = connection.readResource(uri);
        } catch (McpConnectionException e) {
            return new Read(null, "", e.getMessage());
        }
        JsonNode chosen = null;
        for (JsonNode c : result.path("contents")) {
            if (chosen == null || uri.equals(c.path("uri").asText())) chosen = c;
            if (uri.equals(c.path("uri").asText())) break;
        }
        if (chosen == null) return new Read(null, "", "resources/read returned no contents");
        String mimeType = chosen.path("mimeType").asText("");
        if (chosen.path("text").isTextual()) return new Read(chosen.get("text").asText().getBytes(StandardCharsets.UTF_8), mimeType, null);
        if (chosen.path("blob").isTextual()) {
            try {
                return new Read(Base64.getDecoder().decode(chosen.get("blob").asText()), mimeType, null);
            } catch (IllegalArgumentException e) {
                return new Read(null, mimeType, "the blob is not base64");
            }
        }
        return new Read(null, mimeType, "the content has neither text nor blob");
    }
}
