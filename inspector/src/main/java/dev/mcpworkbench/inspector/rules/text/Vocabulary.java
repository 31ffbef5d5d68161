package dev.mcpworkbench.inspector.rules.text;

import java.util.Map;
import java.util.Set;

/** Verb and noun lists the rules share, so "what counts as a delete" is decided in one place. */
public final class Vocabulary {

    private Vocabulary() {
    }

    public enum Crud { CREATE, READ, UPDATE, DELETE }

    public static final Map<String, Crud> CRUD_VERBS = Map.ofEntries(
            Map.entry("create", Crud.CREATE), Map.entry("add", Crud.CREATE), Map.entry("insert", Crud.CREATE),
            Map.entry("new", Crud.CREATE), Map.entry("make", Crud.CREATE), Map.entry("post", Crud.CREATE),
            Map.entry("get", Crud.READ), Map.entry("read", Crud.READ), Map.entry("list", Crud.READ),
            Map.entry("fetch", Crud.READ), Map.entry("find", Crud.READ), Map.entry("search", Crud.READ),
            Map.entry("query", Crud.READ), Map.entry("open", Crud.READ), Map.entry("view", Crud.READ),
            Map.entry("show", Crud.READ), Map.entry("describe", Crud.READ), Map.entry("retrieve", Crud.READ),
            Map.entry("lookup", Crud.READ),
            Map.entry("update", Crud.UPDATE), Map.entry("edit", Crud.UPDATE), Map.entry("modify", Crud.UPDATE),
            Map.entry("set", Crud.UPDATE), Map.entry("patch", Crud.UPDATE), Map.entry("put", Crud.UPDATE),
            Map.entry("rename", Crud.UPDATE), Map.entry("move", Crud.UPDATE), Map.entry("write", Crud.UPDATE),
            Map.entry("upsert", Crud.UPDATE), Map.entry("save", Crud.UPDATE), Map.entry("replace", Crud.UPDATE),
            Map.entry("delete", Crud.DELETE), Map.entry("remove", Crud.DELETE), Map.entry("destroy", Crud.DELETE),
            Map.entry("drop", Crud.DELETE), Map.entry("purge", Crud.DELETE), Map.entry("erase", Crud.DELETE));

    /** Verbs whose tools change state: a read-only hint on them is a contradiction (DOCS-004). */
    public static final Set<String> MUTATING_VERBS = Set.of("delete", "remove", "destroy", "drop", "purge", "erase",
            "write", "move", "rename", "kill", "exec", "execute", "send", "push", "merge", "update", "create",
            "insert", "upload", "publish", "post", "overwrite", "truncate", "terminate", "deploy", "transfer", "pay", "fork", "reply", "put", "upsert", "patch");

    /** Verbs of irreversible removal (DOCS-004 destructiveHint false). */
    public static final Set<String> DELETE_VERBS = Set.of("delete", "remove", "destroy", "drop", "purge", "erase",
            "wipe", "truncate", "kill", "terminate", "overwrite");

    /** Verbs that read (SURFACE-005, OUTPUT-001). */
    public static boolean isReadVerb(String word) {
        return CRUD_VERBS.get(word) == Crud.READ;
    }

    /** Adjectives and fillers that are not the noun a tool acts on. */
    public static final Set<String> NOT_NOUNS = Set.of("with", "by", "from", "to", "in", "of", "for", "and", "or",
            "all", "multiple", "many", "new", "single", "one", "the", "a", "an", "as", "info", "details", "detail",
            "data", "text", "media", "raw", "batch", "bulk", "my", "current", "sizes", "size", "at", "on", "id", "ids");
}
