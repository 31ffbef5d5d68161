package dev.mcpworkbench.lab.secure;

/** The twin's JSON Schemas: every string bounded, every object closed, every number capped. */
final class SecureSchemas {

    static final String NOTE_ID_PATTERN = "^N-[0-9]{1,6}$";

    static final String SEARCH_INPUT = """
            {"type":"object","additionalProperties":false,"required":["query"],"properties":{
              "query":{"type":"string","minLength":1,"maxLength":200,"description":"Words to look for in titles, bodies and tags (case-insensitive)."},
              "limit":{"type":"integer","minimum":1,"maximum":25,"default":10,"description":"Results per page, 1 to 25 (default 10)."},
              "cursor":{"type":"string","pattern":"^[0-9]{1,6}$","maxLength":6,"description":"nextCursor from the previous page, to continue."}}}""";

    static final String SEARCH_OUTPUT = """
            {"type":"object","additionalProperties":false,"required":["results"],"properties":{
              "results":{"type":"array","maxItems":25,"items":{"type":"object","additionalProperties":false,
                "required":["id","title","snippet"],"properties":{
                  "id":{"type":"string","pattern":"^N-[0-9]{1,6}$","maxLength":8},
                  "title":{"type":"string","maxLength":120},
                  "snippet":{"type":"string","maxLength":160}}}},
              "nextCursor":{"type":"string","pattern":"^[0-9]{1,6}$","maxLength":6}}}""";

    static final String SAVE_INPUT = """
            {"type":"object","additionalProperties":false,"required":["title","body"],"properties":{
              "noteId":{"type":"string","pattern":"^N-[0-9]{1,6}$","maxLength":8,"description":"Existing note to revise; omit to create a new note."},
              "title":{"type":"string","minLength":1,"maxLength":120,"description":"Title, at most 120 characters."},
              "body":{"type":"string","maxLength":4000,"description":"Plain-text body, at most 4,000 characters."},
              "tags":{"type":"array","maxItems":10,"items":{"type":"string","pattern":"^[a-z0-9-]{1,30}$","maxLength":30},"description":"Up to 10 lowercase tags."}}}""";

    static final String SAVE_OUTPUT = """
            {"type":"object","additionalProperties":false,"required":["id","revision","created"],"properties":{
              "id":{"type":"string","pattern":"^N-[0-9]{1,6}$","maxLength":8},
              "revision":{"type":"integer","minimum":1,"maximum":1000000},
              "created":{"type":"boolean"}}}""";

    static final String DELETE_INPUT = """
            {"type":"object","additionalProperties":false,"required":["noteId","confirm"],"properties":{
              "noteId":{"type":"string","pattern":"^N-[0-9]{1,6}$","maxLength":8,"description":"Note to delete, e.g. N-3."},
              "confirm":{"type":"boolean","const":true,"description":"Must be true: set it only after the user confirmed the deletion."}}}""";

    static final String DELETE_OUTPUT = """
            {"type":"object","additionalProperties":false,"required":["id","deleted"],"properties":{
              "id":{"type":"string","pattern":"^N-[0-9]{1,6}$","maxLength":8},
              "deleted":{"type":"boolean"}}}""";

    private SecureSchemas() {
    }
}
