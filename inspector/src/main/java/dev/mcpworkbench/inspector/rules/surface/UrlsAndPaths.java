package dev.mcpworkbench.inspector.rules.surface;

import dev.mcpworkbench.inspector.rules.schema.SchemaNode;
import dev.mcpworkbench.inspector.rules.text.Identifiers;
import java.util.List;
import java.util.Set;

/** Recognizes URL and filesystem-path parameters by name and format. */
public final class UrlsAndPaths {

    private static final Set<String> URL_WORDS = Set.of("url", "uri", "href", "endpoint", "urls", "uris", "webhook");
    private static final Set<String> URL_FORMATS = Set.of("uri", "url", "iri", "uri-reference", "iri-reference");
    private static final Set<String> PATH_WORDS = Set.of("path", "paths", "filepath", "filename", "dir", "directory",
            "folder", "file", "files", "dirpath", "cwd");

    private UrlsAndPaths() {
    }

    public static boolean isUrl(SchemaNode node) {
        if (!isStringLike(node)) return false;
        String format = node.schema().path("format").asText("");
        if (URL_FORMATS.contains(format)) return true;
        if (node.ownerName() == null) return false;
        List<String> words = Identifiers.words(node.ownerName());
        return !words.isEmpty() && URL_WORDS.contains(words.get(words.size() - 1));
    }

    public static boolean isPath(SchemaNode node) {
        if (!isStringLike(node) || node.ownerName() == null) return false;
        List<String> words = Identifiers.words(node.ownerName());
        if (words.isEmpty()) return false;
        String last = words.get(words.size() - 1);
        if (PATH_WORDS.contains(last)) return !last.equals("file") && !last.equals("files") || words.size() == 1;
        return (last.equals("source") || last.equals("destination") || last.equals("target"))
                && words.size() <= 2 && node.description().isEmpty();
    }

    /** A string parameter, or an array whose items are strings (the walk reports items separately). */
    private static boolean isStringLike(SchemaNode node) {
        return node.hasType("string") && (node.role() == SchemaNode.Role.PROPERTY || node.role() == SchemaNode.Role.ITEMS);
    }
}
