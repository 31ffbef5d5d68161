package dev.mcpworkbench.lab.flawed;

import static dev.mcpworkbench.lab.server.Tools.hints;
import static dev.mcpworkbench.lab.server.Tools.string;
import static dev.mcpworkbench.lab.server.Tools.tool;

import dev.mcpworkbench.lab.server.Json;
import dev.mcpworkbench.lab.server.LabTool;
import dev.mcpworkbench.lab.server.Tools;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Five tools per entity, one per REST verb, the way a server generated from an OpenAPI document
 * looks: CRUD mirroring (SURFACE-003), unbounded strings, open objects, mostly no annotations,
 * destructive tools with no guard text, and a few annotations that contradict the tool.
 */
final class CrudTools {

    static final List<String> ENTITIES = List.of("note", "ticket", "project", "comment", "attachment",
            "label", "reminder", "workspace_member");

    /** Generated from the service's OpenAPI document, as such servers are: long, and mostly about the REST API. */
    private static final String FIELD_DOCS = "Fields: title (display title, shown in lists and search results), body (markdown"
            + " content; embedded images and links are kept as-is), tags (free-form labels used by filters and reports),"
            + " metadata (arbitrary key/value pairs stored with the record and returned by every read endpoint, including"
            + " owner, due dates, custom workflow states and integration identifiers). Mirrors POST/PATCH /api/v2/{entity}.";
    private static final String FILTER_DOCS = "The filter parameter accepts the service's query syntax: field:value pairs"
            + " joined by AND/OR, ranges such as updated:>2024-01-01, negation with a leading minus, quoted phrases, and the"
            + " special fields owner, project, tag and state. Results include every stored field. Mirrors GET /api/v2/{entity}.";

    private final FlawedStore store;

    CrudTools(FlawedStore store) {
        this.store = store;
    }

    List<LabTool> all() {
        List<LabTool> tools = new ArrayList<>();
        for (String entity : ENTITIES) {
            tools.add(create(entity));
            tools.add(get(entity));
            tools.add(list(entity));
            tools.add(update(entity));
            tools.add(delete(entity));
        }
        return tools;
    }

    private LabTool create(String entity) {
        var schema = """
                {"type":"object","properties":{
                  "title":{"type":"string"},
                  "body":{"type":"string","description":"Body text, markdown allowed."},
                  "tags":{"type":"array","items":{"type":"string"}},
                  "metadata":{"type":"object","description":"Any extra fields to store."}}}""";
        return new LabTool(tool("create_" + entity, "Creates a new " + entity + " in the workspace with the given fields. " + FIELD_DOCS, schema).build(),
                (args, caller) -> {
                    Map<String, Object> record = new LinkedHashMap<>(args);
                    record.put("id", store.newId(entity));
                    store.put(entity, record);
                    return Tools.text("Created " + entity + " " + record.get("id"));
                });
    }

    private LabTool get(String entity) {
        String description = entity.equals("note") ? "Gets note." : "Returns one " + entity + " by its id, with every stored field.";
        var builder = tool("get_" + entity, description, """
                {"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}""");
        if (!entity.equals("note")) {
            builder.annotations(hints(true, false, true, false));
        }
        return new LabTool(builder.build(), (args, caller) -> {
            Map<String, Object> record = store.get(entity, string(args, "id", ""));
            return record == null ? Tools.error("No " + entity + " " + args.get("id")) : Tools.text(asLines(record));
        });
    }

    /** Renders a record as "field: value" lines, raw, the way the service's text view shows it. */
    private static String asLines(Map<String, Object> record) {
        StringBuilder out = new StringBuilder();
        record.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        return out.toString();
    }

    private LabTool list(String entity) {
        var schema = """
                {"type":"object","properties":{
                  "limit":{"type":"integer","description":"How many to return."},
                  "filter":{"type":"string"}}}""";
        return new LabTool(tool("list_" + entity + "s", "Lists " + entity + "s in the workspace, newest first. " + FILTER_DOCS, schema).build(),
                (args, caller) -> Tools.text(Json.write(store.list(entity))));
    }

    private LabTool update(String entity) {
        var schema = """
                {"type":"object","properties":{
                  "id":{"type":"string"},
                  "fields":{"type":"object","description":"Fields to overwrite."}},"required":["id"]}""";
        return new LabTool(tool("update_" + entity, "Updates fields of an existing " + entity + ". " + FIELD_DOCS, schema).build(),
                (args, caller) -> {
                    Map<String, Object> record = store.get(entity, string(args, "id", ""));
                    if (record == null) {
                        return Tools.error("No " + entity + " " + args.get("id"));
                    }
                    if (args.get("fields") instanceof Map<?, ?> fields) {
                        fields.forEach((k, v) -> record.put(String.valueOf(k), v));
                    }
                    return Tools.text("Updated " + entity + " " + args.get("id"));
                });
    }

    private LabTool delete(String entity) {
        var builder = tool("delete_" + entity, "Deletes the " + entity + ".", """
                {"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}""");
        ToolAnnotations contradicting = switch (entity) {
            case "project" -> hints(false, false, true, false);   // destructiveHint false on a delete
            case "label" -> hints(true, null, null, false);       // readOnlyHint true on a delete
            default -> null;
        };
        if (contradicting != null) {
            builder.annotations(contradicting);
        }
        return new LabTool(builder.build(), (args, caller) -> {
            Map<String, Object> removed = store.remove(entity, string(args, "id", ""));
            return Tools.text(removed == null ? "Nothing to delete" : "Deleted " + entity + " " + args.get("id"));
        });
    }
}
