package dev.mcpworkbench.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpworkbench.inspector.connect.McpConnection;
import dev.mcpworkbench.inspector.connect.McpConnectionException;
import dev.mcpworkbench.inspector.rules.Finding;
import dev.mcpworkbench.inspector.rules.skills.SkillRules;
import dev.mcpworkbench.inspector.skills.SkillEntry;
import dev.mcpworkbench.inspector.skills.SkillLoad;
import dev.mcpworkbench.inspector.skills.SkillViolation;
import dev.mcpworkbench.inspector.skills.SkillsClient;
import dev.mcpworkbench.inspector.skills.VerifiedFile;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code connect} does with the skills extension: list the skills a server declares (reading
 * no skill file) and, with {@code --load-skill NAME}, load that one skill with every file verified.
 *
 * @param advertised whether the server declares the extension
 * @param listError  why skills/list failed, or null
 * @param requested  the --load-skill name, or null
 * @param load       the load's outcome, or null when none was asked or the skill is not listed
 */
record ConnectSkills(boolean advertised, List<SkillEntry> skills, String listError, String requested, SkillLoad load) {

    private static final int MAX_SKILL_CHARS = 2000;

    static ConnectSkills run(McpConnection connection, String loadSkill) {
        SkillsClient client = new SkillsClient(connection);
        if (!client.advertised()) return new ConnectSkills(false, List.of(), null, loadSkill, null);
        List<SkillEntry> skills;
        try {
            skills = client.list();
        } catch (McpConnectionException e) {
            return new ConnectSkills(true, List.of(), e.getMessage(), loadSkill, null);
        }
        SkillLoad load = loadSkill == null ? null : SkillsClient.find(skills, loadSkill).map(client::load).orElse(null);
        return new ConnectSkills(true, skills, null, loadSkill, load);
    }

    /** Why the requested skill did not load, or null when it loaded (or none was requested). */
    String failure() {
        if (requested == null) return null;
        if (!advertised) return "the server does not declare the skills extension, so there is no skill " + requested;
        if (listError != null) return "skills/list failed: " + listError;
        if (load == null) return "no listed skill is named " + requested;
        if (load.loaded()) return null;
        return "skill " + requested + " did not load: "
                + load.violations().stream().map(SkillViolation::message).collect(Collectors.joining("; "));
    }

    /** DRIFT-004 findings of the load. */
    List<Finding> findings() {
        return load == null ? List.of() : SkillRules.fileMismatch().check(load);
    }

    void print(PrintWriter out) {
        if (!advertised) return; // most servers have no skills: no line rather than a "none" on every connect
        if (listError != null) {
            out.printf("Skills: skills/list failed: %s%n", listError);
            return;
        }
        out.printf("Skills (%d, files are read only when a skill is loaded):%n", skills.size());
        skills.forEach(s -> out.printf("  %s: %s [%d files, %d bytes]%n", s.name(), s.description(), s.files().size(), s.listedBytes()));
        if (load == null) return;
        if (load.loaded()) {
            out.printf("Loaded skill %s: %d file%s verified (size, sha256 digest, front matter)%n", load.entry().name(),
                    load.files().size(), load.files().size() == 1 ? "" : "s");
            load.files().forEach(f -> out.printf("  %s (%d bytes)%n", f.uri(), f.size()));
            String text = load.files().get(0).text();
            out.println(text.length() > MAX_SKILL_CHARS ? text.substring(0, MAX_SKILL_CHARS) + "..." : text);
        } else {
            out.printf("Skill %s did not load; none of its content is used:%n", load.entry().name());
            load.violations().forEach(v -> out.printf("  %s%n", v.message()));
            if (!load.notRead().isEmpty()) out.printf("  not read: %s%n", String.join(", ", load.notRead()));
        }
    }

    /** The {@code --json} part: the entries as the server sent them, and the load. */
    void render(ObjectNode root) {
        if (!advertised) return;
        ArrayNode list = root.putArray("skills");
        skills.forEach(s -> list.add(s.raw()));
        if (listError != null) root.put("skillsError", listError);
        if (load == null) return;
        ObjectNode l = root.putObject("skillLoad");
        l.put("name", load.entry().name()).put("uri", load.entry().uri()).put("loaded", load.loaded());
        ArrayNode files = l.putArray("files");
        for (VerifiedFile f : load.usableFiles()) {
            files.addObject().put("uri", f.uri()).put("mimeType", f.mimeType()).put("size", f.size()).put("text", f.text());
        }
        ArrayNode violations = l.putArray("violations");
        load.violations().forEach(v -> violations.addObject().put("kind", v.kind().name()).put("file", v.fileUri())
                .put("expected", v.expected()).put("actual", v.actual()).put("message", v.message()));
        ArrayNode notRead = l.putArray("notRead");
        load.notRead().forEach(notRead::add);
    }
}
